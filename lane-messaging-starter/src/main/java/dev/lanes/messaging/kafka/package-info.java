/**
 * Lanes on Spring Kafka: a producer interceptor that stamps the lane, a record
 * interceptor that runs listeners in the message's lane and routes it, lane consumer
 * groups and the standby consumers that take a lane's messages while it has no live
 * consumer.
 */
@NullMarked
package dev.lanes.messaging.kafka;

import org.jspecify.annotations.NullMarked;
