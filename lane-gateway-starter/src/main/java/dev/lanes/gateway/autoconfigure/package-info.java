/**
 * Auto-configuration of lane tagging at the gateway.
 */
@NullMarked
package dev.lanes.gateway.autoconfigure;

import org.jspecify.annotations.NullMarked;
