package dev.lanes.messaging.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.GroupNotEmptyException;

import org.springframework.util.Assert;

/**
 * Gives a lane's consumer group its first committed offsets before any of its consumers
 * starts: the base group's committed offsets, or the end of each partition where base has
 * none.
 * <p>
 * Base skips the records of a listed lane from its first poll on, counting on the lane's
 * group to read them. A lane group without committed offsets would start where
 * {@code auto.offset.reset} says (the end, by default), after records base already
 * skipped; those would be read by no one. Seeding the group where base stands closes that
 * gap. A group that has offsets is left alone.
 */
public class KafkaLaneGroupOffsets implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(KafkaLaneGroupOffsets.class);

	private final Admin admin;

	private final Duration timeout;

	/**
	 * Creates a seeder.
	 * @param admin the admin client, closed with this object
	 * @param timeout how long each broker call may take
	 */
	public KafkaLaneGroupOffsets(Admin admin, Duration timeout) {
		Assert.notNull(admin, "'admin' must not be null");
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * Commits first offsets for a lane group that has none.
	 * @param baseGroup the base consumer group
	 * @param laneGroup the lane's group
	 * @param topics the topics the group reads
	 * @throws IllegalStateException when the broker cannot be read or written: starting
	 * without the offsets could lose records
	 */
	public void seed(String baseGroup, String laneGroup, List<String> topics) {
		try {
			Map<TopicPartition, OffsetAndMetadata> existing = offsets(laneGroup);
			if (!existing.isEmpty()) {
				return;
			}
			Map<TopicPartition, OffsetAndMetadata> base = offsets(baseGroup);
			Map<TopicPartition, OffsetSpec> missing = new HashMap<>();
			Map<TopicPartition, OffsetAndMetadata> seed = new HashMap<>();
			Map<String, TopicDescription> descriptions = this.admin.describeTopics(topics)
				.allTopicNames()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			for (TopicDescription description : descriptions.values()) {
				for (TopicPartitionInfo partition : description.partitions()) {
					TopicPartition topicPartition = new TopicPartition(description.name(), partition.partition());
					OffsetAndMetadata offset = base.get(topicPartition);
					if (offset != null) {
						seed.put(topicPartition, new OffsetAndMetadata(offset.offset()));
					}
					else {
						missing.put(topicPartition, OffsetSpec.latest());
					}
				}
			}
			if (!missing.isEmpty()) {
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin.listOffsets(missing)
					.all()
					.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
				ends.forEach((partition, end) -> seed.put(partition, new OffsetAndMetadata(end.offset())));
			}
			this.admin.alterConsumerGroupOffsets(laneGroup, seed)
				.all()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Consumer group '" + laneGroup + "' had no offsets: it starts where '" + baseGroup
					+ "' stands (" + seed.size() + " partitions)");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupNotEmptyException) {
				// consumers of the lane joined meanwhile: they own the group's offsets
				logger.info("Consumer group '" + laneGroup + "' has consumers already; not seeding its offsets");
				return;
			}
			throw new IllegalStateException("Could not give consumer group '" + laneGroup
					+ "' its first offsets; without them records that base skips could be read by no one", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding consumer group '" + laneGroup + "'", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not give consumer group '" + laneGroup
					+ "' its first offsets; without them records that base skips could be read by no one", ex);
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> offsets(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				present.put(partition, offset);
			}
		});
		return present;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
