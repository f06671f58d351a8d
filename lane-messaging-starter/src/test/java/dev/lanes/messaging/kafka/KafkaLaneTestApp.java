package dev.lanes.messaging.kafka;

import dev.lanes.messaging.testing.Deliveries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A service with one {@code @KafkaListener} on {@code test.topic} in group
 * {@code test.group}, started as a base or a lane instance by {@code lane.instance.tag}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class KafkaLaneTestApp {

	@Bean
	Deliveries deliveries() {
		return new Deliveries();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	/**
	 * The application's own interceptor: it runs after the lane's, so its
	 * {@code afterRecord} sees the lane the consumer thread is left with.
	 */
	@Bean
	RecordInterceptor<Object, Object> applicationInterceptor(Deliveries deliveries) {
		return new RecordInterceptor<>() {

			@Override
			public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
					Consumer<Object, Object> consumer) {
				return record;
			}

			@Override
			public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
				deliveries.after();
			}

		};
	}

	@Bean
	Listener listener(Deliveries deliveries) {
		return new Listener(deliveries);
	}

	static class Listener {

		private final Deliveries deliveries;

		Listener(Deliveries deliveries) {
			this.deliveries = deliveries;
		}

		@KafkaListener(id = "orders", topics = "${test.topic}", groupId = "${test.group}")
		void onOrder(String payload) {
			this.deliveries.received(payload);
			if (payload.startsWith("boom")) {
				throw new IllegalStateException("listener failed on " + payload);
			}
		}

	}

}
