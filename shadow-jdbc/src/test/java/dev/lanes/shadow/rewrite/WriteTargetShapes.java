package dev.lanes.shadow.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates multi-table UPDATE and DELETE statements whose write targets hide behind
 * parentheses, nested joins and aliases spelled like tables or shadow tables, for
 * {@link WriteTargetShapesIT}. Every table has the columns {@code id} and {@code v}.
 */
final class WriteTargetShapes {

	static final List<String> TABLES = List.of("orders", "items", "dict_region", "id_alloc");

	private static final String[] ALIASES = { "", "", " AS x", " y", " AS orders", " AS dict_region", " AS items",
			" AS orders_gray", " AS items_gray", " dict_region_gray" };

	private final Random random;

	private WriteTargetShapes(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * Returns statements drawn from a fixed seed.
	 * @param seed the seed
	 * @param count how many
	 * @return the statements
	 */
	static List<String> generate(long seed, int count) {
		WriteTargetShapes shapes = new WriteTargetShapes(seed);
		List<String> statements = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			statements.add(shapes.next());
		}
		return statements;
	}

	private String next() {
		List<String> names = new ArrayList<>(List.of("orders", "dict_region", "x", "orders_gray", "items"));
		String first = source(names);
		String second = source(names);
		String third = source(names);
		String join = pick(", " + second, " JOIN " + second + " ON 1 = 1", " LEFT JOIN " + second + " ON 1 = 1",
				" STRAIGHT_JOIN " + second + " ON 1 = 1", " JOIN (" + second + " JOIN " + third + " ON 1 = 1) ON 1 = 1",
				" LEFT JOIN (" + second + ", " + third + ") ON 1 = 1", "");
		String target = names.get(this.random.nextInt(names.size()));
		String other = names.get(this.random.nextInt(names.size()));
		String targets = target + (this.random.nextBoolean() ? ", " + other : "");
		return switch (this.random.nextInt(5)) {
			case 0 -> "UPDATE " + first + join + " SET " + target + ".v = 7";
			case 1 -> "UPDATE " + first + join + " SET " + target + ".v = 7, " + other + ".v = 8";
			case 2 -> "UPDATE " + first + join + " SET v = 7";
			case 3 -> "DELETE " + targets + " FROM " + first + join;
			default -> "DELETE FROM " + targets + " USING " + first + join;
		};
	}

	/**
	 * Returns a table source, perhaps aliased and parenthesized, and adds the name it
	 * answers to.
	 */
	private String source(List<String> names) {
		String table = TABLES.get(this.random.nextInt(TABLES.size()));
		String alias = pick(ALIASES);
		names.add(alias.isEmpty() ? table : alias.replace(" AS ", "").trim());
		String source = table + alias;
		return switch (this.random.nextInt(4)) {
			case 0 -> "(" + source + ")";
			case 1 -> "((" + source + "))";
			default -> source;
		};
	}

	private String pick(String... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}
