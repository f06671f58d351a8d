package dev.lanes.messaging.rabbit;

import dev.lanes.messaging.MessageLaneWriter;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.util.Assert;

/**
 * A {@link MessagePostProcessor} that stamps the lane of the publishing thread's work on
 * a message before {@code RabbitTemplate} sends it.
 */
public class RabbitLanePostProcessor implements MessagePostProcessor {

	private final MessageLaneWriter writer;

	/**
	 * Creates a post-processor.
	 * @param writer the lane writer
	 */
	public RabbitLanePostProcessor(MessageLaneWriter writer) {
		Assert.notNull(writer, "'writer' must not be null");
		this.writer = writer;
	}

	@Override
	public Message postProcessMessage(Message message) {
		this.writer.writeCurrent(new RabbitLaneHeaders(message.getMessageProperties()));
		return message;
	}

}
