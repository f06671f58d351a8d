package dev.lanes.gateway;

import java.util.List;

import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.core.rule.RuleDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
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

	private final Environment environment;

	private final LaneRuleRegistry registry;

	/**
	 * Creates a listener that updates {@code registry} from {@code environment}.
	 * @param environment the environment to bind from
	 * @param registry the registry holding the rules in force
	 */
	public LaneRulesRefreshListener(Environment environment, LaneRuleRegistry registry) {
		this.environment = environment;
		this.registry = registry;
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
		}
		catch (InvalidRulesException | BindException ex) {
			logger.error("Rejected lane rules update; the previous rules stay in force. " + ex.getMessage());
		}
	}

}
