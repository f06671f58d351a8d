/**
 * Shadow table provisioning and drift checks for table mode on MySQL and MariaDB.
 */
@NullMarked
package dev.lanes.shadow.schema;

import org.jspecify.annotations.NullMarked;
