package dev.lanes.messaging.kafka;

import org.springframework.beans.BeanUtils;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Copies the {@link ContainerProperties} of a listener container for its standby: same
 * topics, listener, acknowledgement and consumer settings; group and client id are set by
 * the caller.
 */
final class KafkaLaneContainerProperties {

	private KafkaLaneContainerProperties() {
	}

	static ContainerProperties copy(ContainerProperties source) {
		ContainerProperties copy = (source.getTopicPattern() != null)
				? new ContainerProperties(source.getTopicPattern()) : new ContainerProperties(source.getTopics());
		BeanUtils.copyProperties(source, copy, "topics", "topicPattern", "topicPartitions", "groupId", "clientId");
		return copy;
	}

}
