package dev.lanes.messaging.kafka;

import dev.lanes.core.Lanes;
import dev.lanes.messaging.MessagingLaneProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.util.Assert;

/**
 * Publishes the records of a lane whose fallback is {@code reject} to the dead-letter
 * topic {@code <topic><dead-letter-suffix>}, through Spring Kafka's
 * {@link DeadLetterPublishingRecoverer} (the original topic, partition, offset and the
 * reason travel as {@code kafka_dlt-*} headers). The send is awaited: a record whose dead
 * letter could not be written fails and is delivered again, it is never dropped.
 */
public class KafkaLaneDeadLetters {

	private final @Nullable DeadLetterPublishingRecoverer recoverer;

	/**
	 * Creates a publisher.
	 * @param template the template that writes dead letters, or {@code null} when the
	 * application has none (then no lane may fall back to {@code reject})
	 * @param properties the dead-letter suffix
	 */
	public KafkaLaneDeadLetters(@Nullable KafkaOperations<?, ?> template, MessagingLaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.recoverer = (template != null) ? new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(properties.deadLetter(record.topic()), -1)) : null;
	}

	/**
	 * Tells whether dead letters can be written.
	 * @return whether a template is there
	 */
	public boolean isAvailable() {
		return this.recoverer != null;
	}

	/**
	 * Publishes a record to its dead-letter topic and waits for the broker's answer.
	 * @param record the record
	 * @param lane its lane
	 */
	public void publish(ConsumerRecord<Object, Object> record, @Nullable String lane) {
		if (this.recoverer == null) {
			throw new IllegalStateException("No KafkaTemplate to write dead letters with");
		}
		this.recoverer.accept(record, new LaneRejectedException(
				"Lane '" + Lanes.label(lane) + "' has no live consumer and its fallback is 'reject'"));
	}

	/**
	 * Why a record went to the dead-letter topic.
	 */
	public static class LaneRejectedException extends RuntimeException {

		LaneRejectedException(String message) {
			super(message);
		}

	}

}
