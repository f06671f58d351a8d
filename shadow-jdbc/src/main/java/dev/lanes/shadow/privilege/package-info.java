/**
 * The second guard of shadow data: the privileges of the shadow account that shadowed
 * lanes connect as, derived from the table policies, granted, and verified against the
 * database's own catalog.
 */
@NullMarked
package dev.lanes.shadow.privilege;

import org.jspecify.annotations.NullMarked;
