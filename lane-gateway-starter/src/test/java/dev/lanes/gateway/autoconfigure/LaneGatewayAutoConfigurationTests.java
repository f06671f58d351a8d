package dev.lanes.gateway.autoconfigure;

import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.gateway.LaneRouteCheck;
import dev.lanes.gateway.LaneRuleRegistry;
import dev.lanes.gateway.LaneRulesRefreshListener;
import dev.lanes.gateway.LaneTaggingGlobalFilter;
import dev.lanes.gateway.endpoint.LanesEndpoint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;

class LaneGatewayAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LaneGatewayAutoConfiguration.class, EndpointAutoConfiguration.class));

	@Test
	void registersFilterRulesAndRefreshListener() {
		this.runner
			.withPropertyValues("lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].conditions[0].source=header",
					"lane.gateway.rules[0].conditions[0].name=canary", "lane.gateway.rules[0].conditions[0].op===",
					"lane.gateway.rules[0].conditions[0].value=gray")
			.run((context) -> {
				assertThat(context).hasSingleBean(LaneTaggingGlobalFilter.class)
					.hasSingleBean(LaneRulesRefreshListener.class);
				assertThat(context.getBean(LaneRuleRegistry.class).rules().describe()).singleElement()
					.satisfies((rule) -> assertThat(rule.conditions()).containsExactly("header canary == gray"));
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("lane.gateway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LaneTaggingGlobalFilter.class));
	}

	@Test
	void exposesEndpointOnlyWhenAvailable() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LanesEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=lanes")
			.run((context) -> assertThat(context).hasSingleBean(LanesEndpoint.class));
	}

	@Test
	void worksWithoutSpringCloudContextRefresh() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.cloud.context.environment"))
			.run((context) -> assertThat(context).hasSingleBean(LaneTaggingGlobalFilter.class)
				.doesNotHaveBean(LaneRulesRefreshListener.class));
	}

	@Test
	void invalidRuleFailsStartupWithItsPropertyPath() {
		this.runner
			.withPropertyValues("lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].conditions[0].source=header",
					"lane.gateway.rules[0].conditions[0].name=canary", "lane.gateway.rules[0].conditions[0].op=equals",
					"lane.gateway.rules[0].conditions[0].value=gray")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidRulesException.class)
					.hasMessageContaining("lane.gateway.rules[0].conditions[0].op: unknown operator 'equals'");
				FailureAnalysis analysis = new InvalidRulesFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("lane.gateway.rules[0].conditions[0].op: unknown operator 'equals'");
			});
	}

	@Test
	void ruleNamingAnUnknownRouteFailsStartupWithItsPropertyPath() {
		this.runner.withBean(RouteLocator.class, () -> () -> Flux.just(route("orders"), route("users")))
			.withPropertyValues("lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].ratio=10",
					"lane.gateway.rules[0].routes[0]=orders", "lane.gateway.rules[0].routes[1]=ordrs")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidRulesException.class)
					.hasMessageContaining(
							"lane.gateway.rules[0].routes[1]: no route has the id 'ordrs' (routes: [orders, users])")
					.hasMessageNotContaining("routes[0]");
			});
		this.runner.withBean(RouteLocator.class, () -> () -> Flux.just(route("orders")))
			.withPropertyValues("lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].ratio=10",
					"lane.gateway.rules[0].routes[0]=orders")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(LaneRouteCheck.class));
	}

	private static Route route(String id) {
		return Route.async().id(id).uri("http://127.0.0.1:1").predicate((exchange) -> true).build();
	}

	@Test
	void unknownInboundTagPolicyNamesTheProperty() {
		this.runner.withPropertyValues("lane.gateway.inbound-tag=maybe").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof BindException)) {
				failure = failure.getCause();
			}
			assertThat(failure).isNotNull().hasMessageContaining("lane.gateway.inbound-tag");
		});
	}

}
