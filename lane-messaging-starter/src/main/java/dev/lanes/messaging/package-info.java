/**
 * Lanes on messages: the lane a producer stamps, the lane a listener runs in, and which
 * consumer of which lane processes a message.
 */
@NullMarked
package dev.lanes.messaging;

import org.jspecify.annotations.NullMarked;
