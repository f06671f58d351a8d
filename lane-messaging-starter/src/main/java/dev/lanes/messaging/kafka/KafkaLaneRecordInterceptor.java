package dev.lanes.messaging.kafka;

import java.util.function.Function;

import dev.lanes.core.LaneContext;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageOutcome;
import dev.lanes.messaging.MessagingLaneMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.Assert;

/**
 * A {@link RecordInterceptor} that decides, for each record, whether this container's
 * listener processes it, and runs the listener inside the record's lane.
 * <p>
 * A record that is processed ({@link MessageOutcome#PROCESSED} or
 * {@link MessageOutcome#FALLBACK}) opens a {@link LaneContext} scope with the record's
 * lane before the listener runs and closes it after, which restores the lane the consumer
 * thread had. A skipped record never reaches the listener; a rejected one is handed to
 * the dead-letter publisher first. Either way its offset is committed like a processed
 * one.
 */
public class KafkaLaneRecordInterceptor implements RecordInterceptor<Object, Object> {

	private final MessageLaneReader reader;

	private final MessagingLaneMetrics metrics;

	private final Function<@Nullable String, MessageOutcome> decision;

	private final KafkaLaneDeadLetters deadLetters;

	private final ThreadLocal<LaneContext.@Nullable Scope> scope = new ThreadLocal<>();

	/**
	 * Creates an interceptor.
	 * @param reader reads the record's lane
	 * @param metrics counts outcomes
	 * @param decision what this container does with a record of a lane ({@code null} for
	 * base)
	 * @param deadLetters publishes rejected records
	 */
	public KafkaLaneRecordInterceptor(MessageLaneReader reader, MessagingLaneMetrics metrics,
			Function<@Nullable String, MessageOutcome> decision, KafkaLaneDeadLetters deadLetters) {
		Assert.notNull(reader, "'reader' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(decision, "'decision' must not be null");
		Assert.notNull(deadLetters, "'deadLetters' must not be null");
		this.reader = reader;
		this.metrics = metrics;
		this.decision = decision;
		this.deadLetters = deadLetters;
	}

	@Override
	public @Nullable ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		closeScope();
		String lane = this.reader.read(new KafkaLaneHeaders(record.headers()));
		MessageOutcome outcome = this.decision.apply(lane);
		if (outcome == MessageOutcome.REJECTED) {
			this.deadLetters.publish(record, lane);
		}
		this.metrics.count(lane, outcome);
		if (outcome == MessageOutcome.PROCESSED || outcome == MessageOutcome.FALLBACK) {
			this.scope.set(LaneContext.open(lane));
			return record;
		}
		return null;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		closeScope();
	}

	private void closeScope() {
		LaneContext.Scope open = this.scope.get();
		if (open != null) {
			this.scope.remove();
			open.close();
		}
	}

}
