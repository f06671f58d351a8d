/**
 * Spring Boot auto-configuration that wraps the application's data sources in
 * {@link dev.lanes.shadow.ShadowDataSource}.
 */
@NullMarked
package dev.lanes.shadow.autoconfigure;

import org.jspecify.annotations.NullMarked;
