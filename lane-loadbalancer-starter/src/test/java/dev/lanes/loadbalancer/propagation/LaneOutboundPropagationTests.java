package dev.lanes.loadbalancer.propagation;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import feign.RequestTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class LaneOutboundPropagationTests {

	private final LaneProperties properties = new LaneProperties();

	@AfterEach
	void clear() {
		LaneContext.clear();
	}

	@Test
	void restTemplateCarriesLaneHeaderAndBaggage() {
		RestTemplate restTemplate = new RestTemplate();
		new LaneRestTemplateCustomizer(new LaneClientHttpRequestInterceptor(this.properties)).customize(restTemplate);
		MockRestServiceServer server = MockRestServiceServer.bindTo(restTemplate).build();
		server.expect(header("x-lane", "gray"))
			.andExpect(header("baggage", "userId=7,lane=gray"))
			.andRespond(withSuccess());
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			restTemplate.exchange(RequestEntity.get("http://b/hop").header("baggage", "userId=7").build(),
					String.class);
		}
		server.verify();
	}

	@Test
	void customizerAddsInterceptorOnce() {
		RestTemplate restTemplate = new RestTemplate();
		LaneRestTemplateCustomizer customizer = new LaneRestTemplateCustomizer(
				new LaneClientHttpRequestInterceptor(this.properties));
		customizer.customize(restTemplate);
		customizer.customize(restTemplate);
		assertThat(restTemplate.getInterceptors()).hasSize(1);
	}

	@Test
	void restClientCarriesLaneHeaderOnlyWhenBaggageDisabled() {
		this.properties.setBaggage(false);
		RestClient.Builder builder = RestClient.builder();
		new LaneRestClientCustomizer(new LaneClientHttpRequestInterceptor(this.properties)).customize(builder);
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		server.expect(header("x-lane", "gray")).andExpect(headerDoesNotExist("baggage")).andRespond(withSuccess());
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			builder.build().get().uri("http://b/hop").retrieve().toBodilessEntity();
		}
		server.verify();
	}

	@Test
	void baseRequestCarriesNoLaneHeader() {
		RestClient.Builder builder = RestClient.builder();
		new LaneRestClientCustomizer(new LaneClientHttpRequestInterceptor(this.properties)).customize(builder);
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		server.expect(headerDoesNotExist("x-lane")).andExpect(headerDoesNotExist("baggage")).andRespond(withSuccess());
		builder.build().get().uri("http://b/hop").retrieve().toBodilessEntity();
		server.verify();
	}

	@Test
	void webClientFilterReadsReactorContextFirst() {
		AtomicReference<ClientRequest> sent = new AtomicReference<>();
		ExchangeFunction exchange = recording(sent);
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("http://b/hop")).build();
		try (LaneContext.Scope scope = LaneContext.open("blue")) {
			new LaneExchangeFilterFunction(this.properties).filter(request, exchange)
				.contextWrite((context) -> context.put(LanePropagation.CONTEXT_KEY, "gray"))
				.block();
		}
		assertThat(sent.get().headers().getFirst("x-lane")).isEqualTo("gray");
		assertThat(sent.get().headers().getFirst("baggage")).isEqualTo("lane=gray");
	}

	@Test
	void webClientFilterFallsBackToLaneContext() {
		AtomicReference<ClientRequest> sent = new AtomicReference<>();
		ExchangeFunction exchange = recording(sent);
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("http://b/hop")).build();
		try (LaneContext.Scope scope = LaneContext.open("blue")) {
			new LaneExchangeFilterFunction(this.properties).filter(request, exchange).block();
		}
		assertThat(sent.get().headers().getFirst("x-lane")).isEqualTo("blue");
	}

	@Test
	void feignInterceptorAddsLaneAndKeepsOtherBaggage() {
		RequestTemplate template = new RequestTemplate();
		template.header("Baggage", "userId=7");
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			new LaneFeignRequestInterceptor(this.properties).apply(template);
		}
		assertThat(template.headers().get("x-lane")).containsExactly("gray");
		assertThat(template.headers().get("baggage")).containsExactly("userId=7,lane=gray");
	}

	@Test
	void explicitLaneHeaderIsKept() {
		RequestTemplate template = new RequestTemplate();
		template.header("x-lane", "blue");
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			new LaneFeignRequestInterceptor(this.properties).apply(template);
		}
		assertThat(template.headers().get("x-lane")).containsExactly("blue");
	}

	private static ExchangeFunction recording(AtomicReference<ClientRequest> sent) {
		return (request) -> {
			sent.set(request);
			return Mono.just(ClientResponse.create(org.springframework.http.HttpStatus.OK).build());
		};
	}

}
