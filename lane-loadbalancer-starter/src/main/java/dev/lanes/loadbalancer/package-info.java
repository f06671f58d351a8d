/**
 * Lane-aware instance selection for Spring Cloud LoadBalancer and the properties shared
 * by every Lanes starter that reads or writes the lane header.
 */
@NullMarked
package dev.lanes.loadbalancer;

import org.jspecify.annotations.NullMarked;
