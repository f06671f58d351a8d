package dev.lanes.messaging.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lanes.messaging.MessageLaneWriter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.util.StringUtils;

/**
 * A {@link BeanPostProcessor} that adds {@link KafkaLaneProducerInterceptor} to the
 * interceptors of every {@link DefaultKafkaProducerFactory} bean, after those the
 * application configured.
 */
public class KafkaLaneProducerFactoryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<MessageLaneWriter> writer;

	/**
	 * Creates a post-processor.
	 * @param writer the lane writer, looked up when the first factory is processed
	 */
	public KafkaLaneProducerFactoryPostProcessor(ObjectProvider<MessageLaneWriter> writer) {
		this.writer = writer;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DefaultKafkaProducerFactory<?, ?> factory) {
			Map<String, Object> update = new HashMap<>();
			update.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG,
					interceptors(factory.getConfigurationProperties().get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG)));
			update.put(KafkaLaneProducerInterceptor.WRITER_CONFIG, this.writer.getObject());
			factory.updateConfigs(update);
		}
		return bean;
	}

	private static List<Object> interceptors(@Nullable Object configured) {
		List<Object> interceptors = new ArrayList<>();
		if (configured instanceof String names) {
			for (String name : StringUtils.commaDelimitedListToStringArray(names)) {
				if (StringUtils.hasText(name)) {
					interceptors.add(name.trim());
				}
			}
		}
		else if (configured instanceof List<?> list) {
			interceptors.addAll(list);
		}
		else if (configured instanceof Class<?> type) {
			interceptors.add(type);
		}
		interceptors.removeIf((entry) -> KafkaLaneProducerInterceptor.class.equals(entry)
				|| KafkaLaneProducerInterceptor.class.getName().equals(entry));
		interceptors.add(KafkaLaneProducerInterceptor.class);
		return interceptors;
	}

}
