/**
 * Spring Boot auto-configuration of shadow Redis keys.
 */
@NullMarked
package dev.lanes.shadow.redis.autoconfigure;

import org.jspecify.annotations.NullMarked;
