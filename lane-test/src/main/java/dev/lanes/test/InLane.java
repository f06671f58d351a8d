package dev.lanes.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the body of a test method, or of every test of a class and its nested classes, in
 * a lane: {@link dev.lanes.core.LaneContext#current()} is the lane while the test runs,
 * so SQL through a shadow data source goes to the lane's shadow tables and outbound calls
 * carry the lane. The nearest annotation wins: the method's, then its class's, then the
 * enclosing classes' of a {@code @Nested} class.
 * <p>
 * Only the test body runs in the lane; {@code @BeforeEach} and {@code @AfterEach} methods
 * run as base traffic, so they can prepare and check base data.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LaneExtension.class)
public @interface InLane {

	/**
	 * The lane, a valid lane name such as {@code gray}.
	 * @return the lane
	 */
	String value();

}
