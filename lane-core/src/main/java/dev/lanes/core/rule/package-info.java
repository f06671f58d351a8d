/**
 * The lane rule language: definitions bound from configuration, validated with their
 * property paths and compiled once into a {@link dev.lanes.core.rule.RuleSet} of fast
 * matchers.
 */
@NullMarked
package dev.lanes.core.rule;

import org.jspecify.annotations.NullMarked;
