package dev.lanes.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.core.rule.RuleDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

/**
 * Fails startup when a lane rule names a route the gateway does not have: a rule whose
 * {@code routes:} holds only a typo would never apply, and its lane would silently get no
 * traffic. The message names the property path of each unknown route. Routes are read
 * once every singleton exists, from the gateway's {@link RouteLocator} (routes from
 * properties and route beans; routes of the discovery locator as far as discovery knows
 * them then).
 */
public class LaneRouteCheck implements SmartInitializingSingleton {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ObjectProvider<RouteLocator> routes;

	private final List<RuleDefinition> rules;

	private final String propertyPath;

	/**
	 * Creates a check.
	 * @param routes the gateway's routes (none: nothing is checked)
	 * @param rules the rules to check
	 * @param propertyPath the property path of the rule list, for error messages
	 */
	public LaneRouteCheck(ObjectProvider<RouteLocator> routes, List<RuleDefinition> rules, String propertyPath) {
		this.routes = routes;
		this.rules = rules;
		this.propertyPath = propertyPath;
	}

	@Override
	public void afterSingletonsInstantiated() {
		RouteLocator locator = this.routes.getIfAvailable();
		if (locator == null) {
			return;
		}
		Set<String> known = locator.getRoutes().map(Route::getId).collect(Collectors.toSet()).block(TIMEOUT);
		List<String> problems = unknownRoutes(this.rules, (known != null) ? known : Set.of(), this.propertyPath);
		if (!problems.isEmpty()) {
			throw new InvalidRulesException(problems);
		}
	}

	/**
	 * Lists the routes that rules name and the gateway does not have.
	 * @param rules the rules
	 * @param known the ids of the gateway's routes
	 * @param propertyPath the property path of the rule list
	 * @return one problem per unknown route, naming its property path
	 */
	static List<String> unknownRoutes(List<RuleDefinition> rules, Set<String> known, String propertyPath) {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			List<String> named = rules.get(i).getRoutes();
			for (int j = 0; j < named.size(); j++) {
				String route = named.get(j);
				if (route != null && !route.isBlank() && !known.contains(route)) {
					problems.add(propertyPath + "[" + i + "].routes[" + j + "]: no route has the id '" + route
							+ "' (routes: " + new TreeSet<>(known) + ")");
				}
			}
		}
		return problems;
	}

}
