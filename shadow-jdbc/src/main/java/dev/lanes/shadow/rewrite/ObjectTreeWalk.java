package dev.lanes.shadow.rewrite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every object reachable from a parsed statement through the instance fields of a
 * parser's classes, and through the collections, maps and arrays they hold, independently
 * of the parser's own visitors, which skip some places. Each object is walked into once;
 * the step sees every field value on the way. One instance per parser: it caches the
 * fields of each class.
 */
final class ObjectTreeWalk {

	private final String packagePrefix;

	private final Set<String> skippedFields;

	// the followed fields of each class; none for classes outside the parser's package
	private final ClassValue<List<Field>> fields = new ClassValue<>() {

		@Override
		protected List<Field> computeValue(Class<?> type) {
			return type.getName().startsWith(ObjectTreeWalk.this.packagePrefix) ? followedFields(type) : List.of();
		}

	};

	/**
	 * Creates a walk over the trees of one parser.
	 * @param packagePrefix the package of the parser's classes, whose fields are read
	 * @param skippedFields names of fields not to follow (links back to a parent, or to
	 * resolved objects outside the tree)
	 */
	ObjectTreeWalk(String packagePrefix, Set<String> skippedFields) {
		this.packagePrefix = packagePrefix;
		this.skippedFields = skippedFields;
	}

	/**
	 * Walks a tree.
	 * @param root the statement
	 * @param step told of each value reached, with the parser object holding it
	 */
	void walk(Object root, Step step) {
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> pending = new ArrayDeque<>();
		Deque<Object> owners = new ArrayDeque<>();
		pending.push(root);
		owners.push(root);
		while (!pending.isEmpty()) {
			Object node = pending.pop();
			Object owner = owners.pop();
			if (!seen.add(node)) {
				continue;
			}
			if (node instanceof Collection<?> collection) {
				collection.forEach((element) -> reach(element, owner, step, pending, owners));
			}
			else if (node instanceof Map<?, ?> map) {
				map.forEach((key, value) -> {
					reach(key, owner, step, pending, owners);
					reach(value, owner, step, pending, owners);
				});
			}
			else if (node instanceof Object[] array) {
				for (Object element : array) {
					reach(element, owner, step, pending, owners);
				}
			}
			else {
				for (Field field : this.fields.get(node.getClass())) {
					reach(read(field, node), node, step, pending, owners);
				}
			}
		}
	}

	private static void reach(Object value, Object owner, Step step, Deque<Object> pending, Deque<Object> owners) {
		if (value != null && !(value instanceof Enum<?>) && !(value instanceof CharSequence)
				&& !(value instanceof Number) && !(value instanceof Boolean) && step.reached(value, owner)) {
			pending.push(value);
			owners.push(owner);
		}
	}

	private static Object read(Field field, Object node) {
		try {
			return field.get(node);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field, ex);
		}
	}

	private List<Field> followedFields(Class<?> type) {
		List<Field> followed = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.getType().isPrimitive()
						&& !this.skippedFields.contains(field.getName())) {
					field.setAccessible(true);
					followed.add(field);
				}
			}
		}
		return List.copyOf(followed);
	}

	/**
	 * One step of a walk.
	 */
	@FunctionalInterface
	interface Step {

		/**
		 * Tells of a value reached.
		 * @param value the value of a field, or an element of a collection, map or array
		 * held by a field
		 * @param owner the parser object whose field holds it
		 * @return whether to walk into the value
		 */
		boolean reached(Object value, Object owner);

	}

}
