/**
 * Shadow Redis keys: a Spring Data Redis connection factory wrapper that moves the keys
 * of shadowed lanes into a shadow key space.
 */
@NullMarked
package dev.lanes.shadow.redis;

import org.jspecify.annotations.NullMarked;
