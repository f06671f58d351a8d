package dev.lanes.gateway.autoconfigure;

import dev.lanes.core.rule.InvalidRulesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports invalid lane rules at startup with every offending property path.
 */
class InvalidRulesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRulesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulesException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the lane rule properties listed above; each line names the property and the reason.", cause);
	}

}
