package dev.lanes.messaging.rabbit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.GetResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;
import org.springframework.util.Assert;

/**
 * Moves messages between a base queue and its lane queues: publishes a message to a queue
 * through the default exchange and waits for the broker's publisher confirm, so the
 * caller acknowledges the original only once the copy is safe. A forward that is not
 * confirmed throws, and the original is delivered again: a message can be forwarded twice
 * after a crash, it is never lost.
 * <p>
 * It publishes on a connection factory of its own with simple publisher confirms, built
 * on the application's RabbitMQ client settings, and declares each target queue (durable)
 * before its first use so that a publish is never dropped as unroutable.
 */
public class RabbitLaneForwarder implements AutoCloseable {

	private final CachingConnectionFactory connectionFactory;

	private final RabbitTemplate template;

	private final AmqpAdmin admin;

	private final Duration timeout;

	private final MessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a forwarder.
	 * @param rabbitConnectionFactory the RabbitMQ client's connection factory of the
	 * application
	 * @param admin declares target queues
	 * @param timeout how long to wait for a confirm
	 */
	public RabbitLaneForwarder(com.rabbitmq.client.ConnectionFactory rabbitConnectionFactory, AmqpAdmin admin,
			Duration timeout) {
		Assert.notNull(rabbitConnectionFactory, "'rabbitConnectionFactory' must not be null");
		Assert.notNull(admin, "'admin' must not be null");
		this.connectionFactory = new CachingConnectionFactory(rabbitConnectionFactory);
		this.connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		this.connectionFactory.setConnectionNameStrategy((factory) -> "lanes-forwarder");
		this.template = new RabbitTemplate(this.connectionFactory);
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * Declares a durable queue unless this forwarder already did.
	 * @param queue the queue
	 */
	public void declare(String queue) {
		if (!this.declared.contains(queue)) {
			this.admin.declareQueue(new Queue(queue, true, false, false));
			this.declared.add(queue);
		}
	}

	/**
	 * Publishes a message to a queue and waits for the broker's confirm.
	 * @param message the message, with its properties and headers
	 * @param queue the target queue
	 * @throws org.springframework.amqp.AmqpException when the broker did not confirm
	 */
	public void forward(Message message, String queue) {
		declare(queue);
		this.template.invoke((operations) -> {
			operations.send("", queue, message);
			operations.waitForConfirmsOrDie(this.timeout.toMillis());
			return null;
		});
	}

	/**
	 * Moves up to {@code max} ready messages from one queue to another, each acknowledged
	 * only after its copy was confirmed.
	 * @param from the source queue
	 * @param to the target queue
	 * @param max the most messages to move
	 * @return the number moved
	 */
	public int move(String from, String to, int max) {
		declare(to);
		Integer moved = this.template.invoke((operations) -> {
			int count = 0;
			while (count < max) {
				@Nullable GetResponse response = operations.execute((channel) -> channel.basicGet(from, false));
				if (response == null) {
					break;
				}
				Message message = new Message(response.getBody(),
						this.converter.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8"));
				operations.send("", to, message);
				operations.waitForConfirmsOrDie(this.timeout.toMillis());
				operations.execute((channel) -> {
					channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
					return null;
				});
				count++;
			}
			return count;
		});
		return (moved != null) ? moved : 0;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
