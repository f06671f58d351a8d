/**
 * Work with no inbound request (scheduled jobs) runs in the lane of the instance.
 */
@NullMarked
package dev.lanes.loadbalancer.jobs;

import org.jspecify.annotations.NullMarked;
