/**
 * Two small services of a shop, orders and billing, that write MySQL through shadow-jdbc,
 * and whose gray release the tests of this module prove.
 */
@NullMarked
package dev.lanes.samples.orders;

import org.jspecify.annotations.NullMarked;
