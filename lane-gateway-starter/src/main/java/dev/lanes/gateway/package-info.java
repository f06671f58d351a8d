/**
 * Spring Cloud Gateway support: the global filter that tags each request with its lane,
 * the rules it applies and their runtime refresh.
 */
@NullMarked
package dev.lanes.gateway;

import org.jspecify.annotations.NullMarked;
