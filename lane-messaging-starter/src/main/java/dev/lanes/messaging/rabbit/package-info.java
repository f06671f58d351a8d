/**
 * Lanes on Spring AMQP (RabbitMQ): a post-processor that stamps the lane on published
 * messages, lane queues, and a listener advice that runs listeners in the message's lane
 * and hands each message to the lane whose consumers are alive.
 */
@NullMarked
package dev.lanes.messaging.rabbit;

import org.jspecify.annotations.NullMarked;
