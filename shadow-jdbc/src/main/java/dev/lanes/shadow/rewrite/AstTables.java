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
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;

/**
 * Finds every {@link Table} node of a statement by walking the fields of JSqlParser's
 * object tree, independently of JSqlParser's visitors, which skip some places (for
 * example the subqueries of {@code REPLACE ... SET}). Tables that only qualify a column
 * ({@code orders.id}, {@code orders.*}) are reported apart, with the node they qualify.
 */
final class AstTables {

	private static final String JSQLPARSER = "net.sf.jsqlparser.";

	private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

	private AstTables() {
	}

	static Found find(Object root) {
		Set<Table> tables = Collections.newSetFromMap(new IdentityHashMap<>());
		Map<Table, Object> qualifiers = new IdentityHashMap<>();
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> pending = new ArrayDeque<>();
		pending.push(root);
		while (!pending.isEmpty()) {
			Object node = pending.pop();
			if (!seen.add(node)) {
				continue;
			}
			if (node instanceof Table table) {
				tables.add(table);
			}
			if (node instanceof Collection<?> collection) {
				collection.forEach((element) -> push(pending, element));
			}
			else if (node instanceof Map<?, ?> map) {
				map.forEach((key, value) -> {
					push(pending, key);
					push(pending, value);
				});
			}
			else if (node instanceof Object[] array) {
				for (Object element : array) {
					push(pending, element);
				}
			}
			else if (node.getClass().getName().startsWith(JSQLPARSER)) {
				boolean qualifies = node instanceof Column || node instanceof AllTableColumns;
				for (Field field : fields(node.getClass())) {
					Object value = read(field, node);
					if (qualifies && value instanceof Table qualifier) {
						qualifiers.put(qualifier, node);
					}
					else {
						push(pending, value);
					}
				}
			}
		}
		return new Found(tables, qualifiers);
	}

	private static void push(Deque<Object> pending, Object value) {
		if (value != null && !(value instanceof Node) && !(value instanceof Token) && !(value instanceof Enum<?>)
				&& !(value instanceof CharSequence) && !(value instanceof Number) && !(value instanceof Boolean)) {
			pending.push(value);
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

	private static List<Field> fields(Class<?> type) {
		return FIELDS.computeIfAbsent(type, (key) -> {
			List<Field> fields = new ArrayList<>();
			for (Class<?> current = key; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					int modifiers = field.getModifiers();
					if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
							&& !field.getType().isPrimitive() && !field.getName().equals("resolvedTable")) {
						field.setAccessible(true);
						fields.add(field);
					}
				}
			}
			return fields;
		});
	}

	/**
	 * Tables found: used as sources or targets, and qualifying a column.
	 *
	 * @param tables the tables used as sources or targets
	 * @param qualifiers each table that qualifies a column, with the {@link Column} or
	 * {@link AllTableColumns} it qualifies
	 */
	record Found(Set<Table> tables, Map<Table, Object> qualifiers) {
	}

}
