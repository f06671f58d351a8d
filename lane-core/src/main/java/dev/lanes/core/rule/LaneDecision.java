package dev.lanes.core.rule;

/**
 * The outcome of evaluating rules against a request that matched one.
 *
 * @param lane the lane the request is tagged with
 * @param ruleIndex the index of the matching rule in the configured list
 */
public record LaneDecision(String lane, int ruleIndex) {

}
