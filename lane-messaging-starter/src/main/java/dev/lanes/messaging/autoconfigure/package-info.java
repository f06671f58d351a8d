/**
 * Auto-configuration of the messaging starter; each broker only when its library is on
 * the class path.
 */
@NullMarked
package dev.lanes.messaging.autoconfigure;

import org.jspecify.annotations.NullMarked;
