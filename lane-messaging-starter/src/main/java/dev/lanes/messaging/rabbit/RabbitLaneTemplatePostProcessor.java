package dev.lanes.messaging.rabbit;

import dev.lanes.messaging.MessageLaneWriter;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A {@link BeanPostProcessor} that adds a {@link RabbitLanePostProcessor} to the
 * before-publish post-processors of every {@link RabbitTemplate} bean, Boot's and the
 * application's own.
 */
public class RabbitLaneTemplatePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<MessageLaneWriter> writer;

	/**
	 * Creates a post-processor.
	 * @param writer the lane writer, looked up when the first template is processed
	 */
	public RabbitLaneTemplatePostProcessor(ObjectProvider<MessageLaneWriter> writer) {
		this.writer = writer;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RabbitTemplate template) {
			template.addBeforePublishPostProcessors(new RabbitLanePostProcessor(this.writer.getObject()));
		}
		return bean;
	}

}
