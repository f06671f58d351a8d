package dev.lanes.messaging.kafka;

import java.util.Map;

import dev.lanes.messaging.MessageLaneWriter;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka {@link ProducerInterceptor} that stamps the lane of the sending thread's work
 * on every record. Kafka calls {@code onSend} on the thread that calls
 * {@code Producer.send}, so {@code KafkaTemplate}, a hand-used {@code Producer} of the
 * same factory and anything built on them carry the lane.
 * <p>
 * Kafka creates interceptors from their class name; the {@link MessageLaneWriter} comes
 * in the producer's configuration under {@value #WRITER_CONFIG}.
 */
public class KafkaLaneProducerInterceptor implements ProducerInterceptor<Object, Object> {

	/**
	 * Producer configuration key of the {@link MessageLaneWriter} instance.
	 */
	public static final String WRITER_CONFIG = "lanes.message-lane-writer";

	private @Nullable MessageLaneWriter writer;

	@Override
	public void configure(Map<String, ?> configs) {
		Object writer = configs.get(WRITER_CONFIG);
		if (!(writer instanceof MessageLaneWriter laneWriter)) {
			throw new IllegalStateException("The producer configuration has no MessageLaneWriter under '"
					+ WRITER_CONFIG + "': records would leave without their lane");
		}
		this.writer = laneWriter;
	}

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		if (this.writer == null) {
			throw new IllegalStateException("KafkaLaneProducerInterceptor was not configured");
		}
		this.writer.writeCurrent(new KafkaLaneHeaders(record.headers()));
		return record;
	}

	@Override
	public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
	}

	@Override
	public void close() {
	}

}
