package dev.lanes.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link InLane}: runs each test body inside a
 * {@link LaneContext} scope of the nearest {@code @InLane}'s lane, on the thread that
 * runs the body, and restores the lane before after it.
 */
public class LaneExtension implements InvocationInterceptor {

	@Override
	public void interceptTestMethod(Invocation<@Nullable Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		proceedInLane(invocation, extensionContext);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<@Nullable Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		proceedInLane(invocation, extensionContext);
	}

	@Override
	public void interceptDynamicTest(Invocation<@Nullable Void> invocation,
			DynamicTestInvocationContext invocationContext, ExtensionContext extensionContext) throws Throwable {
		proceedInLane(invocation, extensionContext);
	}

	private static void proceedInLane(Invocation<@Nullable Void> invocation, ExtensionContext context)
			throws Throwable {
		String lane = lane(context);
		if (lane == null) {
			invocation.proceed();
			return;
		}
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			invocation.proceed();
		}
	}

	/**
	 * Returns the lane of the nearest {@code @InLane}: the test method's, its class's,
	 * then the enclosing classes'.
	 */
	private static @Nullable String lane(ExtensionContext context) {
		Optional<InLane> annotation = context.getTestMethod().flatMap((method) -> find(method));
		for (Class<?> type = context.getTestClass().orElse(null); annotation.isEmpty()
				&& type != null; type = type.getEnclosingClass()) {
			annotation = find(type);
		}
		if (annotation.isEmpty()) {
			return null;
		}
		String lane = Lanes.canonical(annotation.get().value());
		if (lane == null) {
			throw new ExtensionConfigurationException("@InLane(\"" + annotation.get().value() + "\") on "
					+ context.getDisplayName() + " does not name a valid lane");
		}
		return lane;
	}

	private static Optional<InLane> find(AnnotatedElement element) {
		return AnnotationSupport.findAnnotation(element, InLane.class);
	}

}
