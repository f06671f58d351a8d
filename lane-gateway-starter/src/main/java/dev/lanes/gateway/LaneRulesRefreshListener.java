package dev.lanes.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.core.rule.RuleDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Re-binds the lane rules when Spring Cloud refreshes the environment (a
 * {@code /actuator/refresh}, a Nacos config push, any source that publishes an
 * {@link EnvironmentChangeEvent}). An update that does not bind or compile is rejected
 * whole and logged; the previous rules stay in force.
 */
public class LaneRulesRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Log logger = LogFactory.getLog(LaneRulesRefreshListener.class);

	private static final String RULES = LaneGatewayProperties.PREFIX + ".rules";

	private static final Duration ROUTES_TIMEOUT = Duration.ofSeconds(10);

	private final Environment environment;

	private final LaneRuleRegistry registry;

	private final ObjectProvider<RouteLocator> routes;

	/**
	 * Creates a listener that updates {@code registry} from {@code environment}.
	 * @param environment the environment to bind from
	 * @param registry the registry holding the rules in force
	 * @param routes the gateway's routes, to warn about rules naming none of them
	 */
	public LaneRulesRefreshListener(Environment environment, LaneRuleRegistry registry,
			ObjectProvider<RouteLocator> routes) {
		this.environment = environment;
		this.registry = registry;
		this.routes = routes;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		if (event.getKeys().stream().noneMatch((key) -> key.startsWith(RULES))) {
			return;
		}
		try {
			List<RuleDefinition> rules = Binder.get(this.environment)
				.bind(RULES, Bindable.listOf(RuleDefinition.class))
				.orElseGet(List::of);
			this.registry.update(rules);
			logger.info("Lane rules updated: " + rules.size() + " rule(s) in force");
			warnAboutUnknownRoutes(rules);
		}
		catch (InvalidRulesException | BindException ex) {
			logger.error("Rejected lane rules update; the previous rules stay in force. " + ex.getMessage());
		}
	}

	/**
	 * A refresh may bring a route and its rule together, before the gateway has re-read
	 * its routes, so an unknown route is not a reason to reject the update; it is worth a
	 * WARN, since a rule scoped to no route never applies.
	 */
	private void warnAboutUnknownRoutes(List<RuleDefinition> rules) {
		RouteLocator locator = this.routes.getIfAvailable();
		if (locator == null) {
			return;
		}
		Set<String> known = locator.getRoutes().map(Route::getId).collect(Collectors.toSet()).block(ROUTES_TIMEOUT);
		List<String> problems = LaneRouteCheck.unknownRoutes(rules, (known != null) ? known : Set.of(), RULES);
		if (!problems.isEmpty()) {
			logger.warn("Lane rules in force name routes the gateway does not have (yet); those rules apply to no"
					+ " request until the routes exist: " + String.join("; ", problems));
		}
	}

}
