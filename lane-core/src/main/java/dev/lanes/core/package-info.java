/**
 * Plain Java core of Lanes: the current lane of a unit of work, lane names, the lane
 * header and W3C baggage codec, stable hashing and the compiled rule model.
 */
@NullMarked
package dev.lanes.core;

import org.jspecify.annotations.NullMarked;
