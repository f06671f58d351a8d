package dev.lanes.gateway;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayLaneRequest}: which value a rule sees when a request repeats a
 * name.
 */
class GatewayLaneRequestTests {

	@Test
	void jsonBodyThatRepeatsAKeyHasNoFieldsAtAll() {
		GatewayLaneRequest request = json("{\"order\":{\"channel\":\"app-7\",\"channel\":\"web-1\"},\"id\":7}");
		assertThat(request.bodyField("/order/channel")).isNull();
		assertThat(request.bodyField("/id")).isNull();
	}

	@Test
	void sameKeyInDifferentObjectsIsNotARepeat() {
		GatewayLaneRequest request = json("{\"a\":{\"channel\":\"app-7\"},\"b\":{\"channel\":\"web-1\"}}");
		assertThat(request.bodyField("/a/channel")).isEqualTo("app-7");
		assertThat(request.bodyField("/b/channel")).isEqualTo("web-1");
	}

	@Test
	void repeatedHeaderQueryAndFormFieldGiveTheirFirstValue() {
		GatewayLaneRequest request = new GatewayLaneRequest(
				MockServerHttpRequest.get("/a?tag=gray&tag=blue").header("canary", "gray", "blue").build(),
				"plan=beta&plan=free".getBytes(StandardCharsets.UTF_8));
		assertThat(request.header("canary")).isEqualTo("gray");
		assertThat(request.queryParam("tag")).isEqualTo("gray");
		assertThat(request.formField("plan")).isEqualTo("beta");
	}

	private static GatewayLaneRequest json(String body) {
		return new GatewayLaneRequest(MockServerHttpRequest.post("/a").build(), body.getBytes(StandardCharsets.UTF_8));
	}

}
