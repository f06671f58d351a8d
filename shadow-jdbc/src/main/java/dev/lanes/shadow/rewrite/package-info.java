/**
 * Table-mode SQL rewriting with JSqlParser: base tables become the lane's shadow tables,
 * and the result is checked again before it may run.
 */
@NullMarked
package dev.lanes.shadow.rewrite;

import org.jspecify.annotations.NullMarked;
