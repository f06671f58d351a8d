/**
 * Shadow data for lane traffic: a {@link javax.sql.DataSource} wrapper that sends the SQL
 * of shadowed lanes to shadow tables or a shadow database and never to base data.
 */
@NullMarked
package dev.lanes.shadow;

import org.jspecify.annotations.NullMarked;
