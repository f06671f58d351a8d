package dev.lanes.shadow.rewrite;

import java.util.List;
import java.util.Map;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.TablePolicy;
import org.jspecify.annotations.Nullable;

/**
 * The rewrite cases: each SQL string of lane {@code gray} with its exact expected output.
 * The unit test checks the rewriting; the MySQL integration test replays every case
 * against a real server.
 * <p>
 * Tables: {@code orders}, {@code items}, {@code customers}, {@code archive} (shadow by
 * default), {@code dict_region} (read-base), {@code id_alloc} (shared), {@code secrets}
 * (deny). Schema-qualified cases use {@value #SCHEMA}.
 */
public final class RewriteCases {

	/**
	 * Schema used by schema-qualified cases, the integration test's base database.
	 */
	public static final String SCHEMA = "lanes_shadow_it";

	/**
	 * Lane of every case.
	 */
	public static final String LANE = "gray";

	/**
	 * The MySQL tables the cases use (PostgreSQL's replay has its own, without
	 * {@code secrets}).
	 */
	public static final List<String> DDL = List.of(
			"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, region_id INT, "
					+ "total INT, status VARCHAR(20), note VARCHAR(50))",
			"CREATE TABLE items (id INT PRIMARY KEY, order_id INT, price INT)",
			"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE archive (id INT PRIMARY KEY, total INT)",
			"CREATE TABLE dict_region (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE id_alloc (id INT PRIMARY KEY, n INT)",
			"CREATE TABLE secrets (id INT PRIMARY KEY, v VARCHAR(10))");

	/**
	 * The base rows of each table, as the values of an {@code INSERT}.
	 */
	public static final Map<String, String> BASE_DATA = Map.of("orders",
			"(1, 1, 1, 10, 'new', NULL), (2, 2, 2, 20, 'paid', NULL), (3, 1, 2, 30, 'paid', 'a')", "items",
			"(1, 1, 4), (2, 1, 6), (3, 2, 8), (4, 3, 2)", "customers", "(1, 'Ann'), (2, 'Ben')", "archive", "(100, 1)",
			"dict_region", "(1, 'north'), (2, 'south')", "id_alloc", "(1, 500)", "secrets", "(1, 's')");

	/**
	 * The tables whose policy is shadow, which have a {@code _gray} table.
	 */
	public static final List<String> SHADOWED = List.of("orders", "items", "customers", "archive");

	private RewriteCases() {
	}

	/**
	 * Returns the rules every case is written for.
	 * @return the rules
	 */
	public static ShadowRules rules() {
		return rules(SqlMode.DEFAULT);
	}

	/**
	 * Returns the rules every case is written for, reading SQL with the given session
	 * settings.
	 * @param sqlMode the session settings of the server the cases run on
	 * @return the rules
	 */
	public static ShadowRules rules(SqlMode sqlMode) {
		return ShadowRules.builder()
			.sqlMode(sqlMode)
			.lanes(LANE)
			.table("dict_region", TablePolicy.READ_BASE)
			.table("id_alloc", TablePolicy.SHARED)
			.table("secrets", TablePolicy.DENY)
			.build();
	}

	/**
	 * Returns all cases.
	 * @return the cases
	 */
	public static List<RewriteCase> all() {
		return List.of(
				new RewriteCase("select-simple", "SELECT id, total FROM orders WHERE id = 1",
						"SELECT id, total FROM orders_gray WHERE id = 1", Replay.DATA),
				new RewriteCase("select-star", "SELECT * FROM orders ORDER BY id",
						"SELECT * FROM orders_gray ORDER BY id", Replay.DATA),
				new RewriteCase("select-qualified-columns",
						"SELECT orders.id, orders.total FROM orders WHERE orders.status = 'new' ORDER BY orders.id",
						"SELECT orders_gray.id, orders_gray.total FROM orders_gray WHERE orders_gray.status = 'new' ORDER BY orders_gray.id",
						Replay.DATA),
				new RewriteCase("select-alias-kept", "SELECT o.id, o.total FROM orders o WHERE o.id > 1 ORDER BY o.id",
						"SELECT o.id, o.total FROM orders_gray o WHERE o.id > 1 ORDER BY o.id", Replay.DATA),
				new RewriteCase("select-as-alias", "SELECT o.id FROM orders AS o ORDER BY o.id",
						"SELECT o.id FROM orders_gray AS o ORDER BY o.id", Replay.DATA),
				new RewriteCase("select-table-star", "SELECT orders.* FROM orders ORDER BY orders.id",
						"SELECT orders_gray.* FROM orders_gray ORDER BY orders_gray.id", Replay.DATA),
				new RewriteCase("select-join",
						"SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id",
						"SELECT o.id, c.name FROM orders_gray o JOIN customers_gray c ON c.id = o.customer_id ORDER BY o.id",
						Replay.DATA),
				new RewriteCase("select-join-unaliased",
						"SELECT orders.id, customers.name FROM orders JOIN customers ON customers.id = orders.customer_id ORDER BY orders.id",
						"SELECT orders_gray.id, customers_gray.name FROM orders_gray JOIN customers_gray ON customers_gray.id = orders_gray.customer_id ORDER BY orders_gray.id",
						Replay.DATA),
				new RewriteCase("select-left-join",
						"SELECT o.id, i.price FROM orders o LEFT JOIN items i ON i.order_id = o.id ORDER BY o.id, i.price",
						"SELECT o.id, i.price FROM orders_gray o LEFT JOIN items_gray i ON i.order_id = o.id ORDER BY o.id, i.price",
						Replay.DATA),
				new RewriteCase("select-comma-join",
						"SELECT orders.id, items.price FROM orders, items WHERE items.order_id = orders.id ORDER BY items.id",
						"SELECT orders_gray.id, items_gray.price FROM orders_gray, items_gray WHERE items_gray.order_id = orders_gray.id ORDER BY items_gray.id",
						Replay.DATA),
				new RewriteCase("select-in-subquery",
						"SELECT id FROM orders WHERE id IN (SELECT order_id FROM items WHERE price > 5) ORDER BY id",
						"SELECT id FROM orders_gray WHERE id IN (SELECT order_id FROM items_gray WHERE price > 5) ORDER BY id",
						Replay.DATA),
				new RewriteCase("select-exists-correlated",
						"SELECT id FROM orders WHERE EXISTS (SELECT 1 FROM items WHERE items.order_id = orders.id) ORDER BY id",
						"SELECT id FROM orders_gray WHERE EXISTS (SELECT 1 FROM items_gray WHERE items_gray.order_id = orders_gray.id) ORDER BY id",
						Replay.DATA),
				new RewriteCase("select-scalar-subquery",
						"SELECT o.id, (SELECT COUNT(*) FROM items i WHERE i.order_id = o.id) AS n FROM orders o ORDER BY o.id",
						"SELECT o.id, (SELECT COUNT(*) FROM items_gray i WHERE i.order_id = o.id) AS n FROM orders_gray o ORDER BY o.id",
						Replay.DATA),
				new RewriteCase("select-derived-table",
						"SELECT t.order_id, t.s FROM (SELECT order_id, SUM(price) AS s FROM items GROUP BY order_id) t ORDER BY t.order_id",
						"SELECT t.order_id, t.s FROM (SELECT order_id, SUM(price) AS s FROM items_gray GROUP BY order_id) t ORDER BY t.order_id",
						Replay.DATA),
				new RewriteCase("select-derived-join",
						"SELECT o.id, t.s FROM orders o JOIN (SELECT order_id, SUM(price) AS s FROM items GROUP BY order_id) AS t ON t.order_id = o.id ORDER BY o.id",
						"SELECT o.id, t.s FROM orders_gray o JOIN (SELECT order_id, SUM(price) AS s FROM items_gray GROUP BY order_id) AS t ON t.order_id = o.id ORDER BY o.id",
						Replay.DATA),
				new RewriteCase("select-cte",
						"WITH big AS (SELECT * FROM orders WHERE total > 10) SELECT big.id FROM big ORDER BY big.id",
						"WITH big AS (SELECT * FROM orders_gray WHERE total > 10) SELECT big.id FROM big ORDER BY big.id",
						Replay.DATA),
				new RewriteCase("select-cte-join",
						"WITH totals AS (SELECT order_id, SUM(price) AS s FROM items GROUP BY order_id) SELECT orders.id, totals.s FROM orders JOIN totals ON totals.order_id = orders.id ORDER BY orders.id",
						"WITH totals AS (SELECT order_id, SUM(price) AS s FROM items_gray GROUP BY order_id) SELECT orders_gray.id, totals.s FROM orders_gray JOIN totals ON totals.order_id = orders_gray.id ORDER BY orders_gray.id",
						Replay.DATA),
				new RewriteCase("select-cte-two",
						"WITH a AS (SELECT id FROM orders), b AS (SELECT order_id FROM items) SELECT a.id FROM a WHERE a.id IN (SELECT order_id FROM b) ORDER BY a.id",
						"WITH a AS (SELECT id FROM orders_gray), b AS (SELECT order_id FROM items_gray) SELECT a.id FROM a WHERE a.id IN (SELECT order_id FROM b) ORDER BY a.id",
						Replay.DATA),
				new RewriteCase("select-cte-named-like-table",
						"WITH orders AS (SELECT * FROM archive) SELECT orders.id FROM orders ORDER BY orders.id",
						"WITH orders AS (SELECT * FROM archive_gray) SELECT orders.id FROM orders ORDER BY orders.id",
						Replay.DATA),
				new RewriteCase("select-union", "SELECT id FROM orders UNION SELECT id FROM archive ORDER BY id",
						"SELECT id FROM orders_gray UNION SELECT id FROM archive_gray ORDER BY id", Replay.DATA),
				new RewriteCase("select-union-all",
						"SELECT id, total FROM orders WHERE id < 3 UNION ALL SELECT id, total FROM archive",
						"SELECT id, total FROM orders_gray WHERE id < 3 UNION ALL SELECT id, total FROM archive_gray",
						Replay.DATA),
				new RewriteCase("select-group-having",
						"SELECT customer_id, SUM(total) AS s FROM orders GROUP BY customer_id HAVING SUM(total) > 5 ORDER BY customer_id",
						"SELECT customer_id, SUM(total) AS s FROM orders_gray GROUP BY customer_id HAVING SUM(total) > 5 ORDER BY customer_id",
						Replay.DATA),
				new RewriteCase("select-order-limit", "SELECT id FROM orders ORDER BY total DESC LIMIT 2",
						"SELECT id FROM orders_gray ORDER BY total DESC LIMIT 2", Replay.DATA),
				new RewriteCase("select-backticks", "SELECT `id` FROM `orders` WHERE `orders`.`id` = 2",
						"SELECT `id` FROM `orders_gray` WHERE `orders_gray`.`id` = 2", Replay.DATA),
				new RewriteCase("select-double-quotes",
						"SELECT \"orders\".\"id\" FROM \"orders\" ORDER BY \"orders\".\"id\"",
						"SELECT \"orders_gray\".\"id\" FROM \"orders_gray\" ORDER BY \"orders_gray\".\"id\"",
						Replay.DATA),
				new RewriteCase("select-schema", "SELECT id FROM lanes_shadow_it.orders WHERE id = 1",
						"SELECT id FROM lanes_shadow_it.orders_gray WHERE id = 1", Replay.DATA),
				new RewriteCase("select-schema-backticks", "SELECT `id` FROM `lanes_shadow_it`.`orders` ORDER BY `id`",
						"SELECT `id` FROM `lanes_shadow_it`.`orders_gray` ORDER BY `id`", Replay.DATA),
				new RewriteCase("select-schema-qualified-column",
						"SELECT lanes_shadow_it.orders.id FROM lanes_shadow_it.orders ORDER BY lanes_shadow_it.orders.id",
						"SELECT lanes_shadow_it.orders_gray.id FROM lanes_shadow_it.orders_gray ORDER BY lanes_shadow_it.orders_gray.id",
						Replay.DATA),
				new RewriteCase("select-alias-named-like-table",
						"SELECT orders.id FROM archive orders ORDER BY orders.id",
						"SELECT orders.id FROM archive_gray orders ORDER BY orders.id", Replay.DATA),
				new RewriteCase("select-table-aliased-as-other",
						"SELECT archive.id FROM orders archive ORDER BY archive.id",
						"SELECT archive.id FROM orders_gray archive ORDER BY archive.id", Replay.DATA),
				new RewriteCase("select-read-base-join",
						"SELECT o.id, r.name FROM orders o JOIN dict_region r ON r.id = o.region_id ORDER BY o.id",
						"SELECT o.id, r.name FROM orders_gray o JOIN dict_region r ON r.id = o.region_id ORDER BY o.id",
						Replay.DATA),
				new RewriteCase("select-read-base-only", "SELECT name FROM dict_region WHERE id = 1",
						"SELECT name FROM dict_region WHERE id = 1", Replay.DATA),
				new RewriteCase("select-shared", "SELECT n FROM id_alloc WHERE id = 1",
						"SELECT n FROM id_alloc WHERE id = 1", Replay.DATA),
				new RewriteCase("select-no-table", "SELECT 1", "SELECT 1", Replay.DATA),
				new RewriteCase("select-for-update", "SELECT id FROM orders WHERE id = 1 FOR UPDATE",
						"SELECT id FROM orders_gray WHERE id = 1 FOR UPDATE", Replay.DATA),
				// JSqlParser 5.4 cannot parse it; the Druid fast path can
				new RewriteCase("select-lock-in-share-mode", "SELECT id FROM orders WHERE id = 1 LOCK IN SHARE MODE",
						"SELECT id FROM orders_gray WHERE id = 1 LOCK IN SHARE MODE", Replay.DATA),
				new RewriteCase("select-three-table-join-subquery",
						"SELECT o.id, c.name, i.price, r.name FROM orders o JOIN customers c ON c.id = o.customer_id "
								+ "JOIN items i ON i.order_id = o.id LEFT JOIN dict_region r ON r.id = o.region_id "
								+ "WHERE o.total > (SELECT AVG(o2.total) FROM orders o2 WHERE o2.customer_id = c.id) "
								+ "AND o.status IN ('new', 'paid') ORDER BY o.id, i.price LIMIT 20",
						"SELECT o.id, c.name, i.price, r.name FROM orders_gray o JOIN customers_gray c ON c.id = o.customer_id "
								+ "JOIN items_gray i ON i.order_id = o.id LEFT JOIN dict_region r ON r.id = o.region_id "
								+ "WHERE o.total > (SELECT AVG(o2.total) FROM orders_gray o2 WHERE o2.customer_id = c.id) "
								+ "AND o.status IN ('new', 'paid') ORDER BY o.id, i.price LIMIT 20",
						Replay.DATA),
				new RewriteCase("select-hint", "SELECT /*+ MAX_EXECUTION_TIME(1000) */ id FROM orders WHERE id = 2",
						"SELECT /*+ MAX_EXECUTION_TIME(1000) */ id FROM orders_gray WHERE id = 2", Replay.DATA),
				new RewriteCase("select-leading-block-comment",
						"/* report: daily */ SELECT id FROM orders WHERE id = 3",
						"/* report: daily */ SELECT id FROM orders_gray WHERE id = 3", Replay.DATA),
				new RewriteCase("select-leading-line-comment", "-- daily report\nSELECT id FROM orders WHERE id = 3",
						"-- daily report\nSELECT id FROM orders_gray WHERE id = 3", Replay.DATA),
				new RewriteCase("select-leading-hash-comment", "# daily report\nSELECT id FROM orders WHERE id = 3",
						"# daily report\nSELECT id FROM orders_gray WHERE id = 3", Replay.DATA),
				new RewriteCase("select-string-looks-like-table",
						"SELECT id FROM orders WHERE note = 'orders' ORDER BY id",
						"SELECT id FROM orders_gray WHERE note = 'orders' ORDER BY id", Replay.DATA),
				new RewriteCase("select-escaped-string", "SELECT id FROM orders WHERE note <> 'it\\'s' ORDER BY id",
						"SELECT id FROM orders_gray WHERE note <> 'it\\'s' ORDER BY id", Replay.DATA),
				new RewriteCase("select-case-insensitive-policy", "SELECT NAME FROM DICT_REGION WHERE ID = 1",
						"SELECT NAME FROM DICT_REGION WHERE ID = 1",
						Replay.skip("table names are case-sensitive on Linux servers")),
				new RewriteCase("select-parameter", "SELECT total FROM orders WHERE id = ?",
						"SELECT total FROM orders_gray WHERE id = ?", Replay.DATA, 2),
				new RewriteCase("insert-values",
						"INSERT INTO orders (id, customer_id, region_id, total, status) VALUES (10, 1, 1, 5, 'new')",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) VALUES (10, 1, 1, 5, 'new')",
						Replay.DATA),
				new RewriteCase("insert-multi-row",
						"INSERT INTO items (id, order_id, price) VALUES (20, 1, 3), (21, 2, 4)",
						"INSERT INTO items_gray (id, order_id, price) VALUES (20, 1, 3), (21, 2, 4)", Replay.DATA),
				new RewriteCase("insert-no-columns", "INSERT INTO customers VALUES (9, 'Zoe')",
						"INSERT INTO customers_gray VALUES (9, 'Zoe')", Replay.DATA),
				new RewriteCase("insert-parameters",
						"INSERT INTO orders (id, customer_id, region_id, total, status) VALUES (?, ?, ?, ?, ?)",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) VALUES (?, ?, ?, ?, ?)",
						Replay.DATA, 11, 1, 1, 9, "new"),
				new RewriteCase("insert-select",
						"INSERT INTO archive (id, total) SELECT id, total FROM orders WHERE status = 'paid'",
						"INSERT INTO archive_gray (id, total) SELECT id, total FROM orders_gray WHERE status = 'paid'",
						Replay.DATA),
				new RewriteCase("insert-select-join",
						"INSERT INTO archive (id, total) SELECT o.id, i.price FROM orders o JOIN items i ON i.order_id = o.id WHERE i.id = 1",
						"INSERT INTO archive_gray (id, total) SELECT o.id, i.price FROM orders_gray o JOIN items_gray i ON i.order_id = o.id WHERE i.id = 1",
						Replay.DATA),
				new RewriteCase("insert-on-duplicate",
						"INSERT INTO orders (id, customer_id, region_id, total, status) VALUES (1, 1, 1, 7, 'new') ON DUPLICATE KEY UPDATE total = orders.total + VALUES(total)",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) VALUES (1, 1, 1, 7, 'new') ON DUPLICATE KEY UPDATE total = orders_gray.total + VALUES(total)",
						Replay.DATA),
				new RewriteCase("insert-on-duplicate-plain",
						"INSERT INTO customers (id, name) VALUES (1, 'Ann') ON DUPLICATE KEY UPDATE name = 'Ann B'",
						"INSERT INTO customers_gray (id, name) VALUES (1, 'Ann') ON DUPLICATE KEY UPDATE name = 'Ann B'",
						Replay.DATA),
				new RewriteCase("insert-ignore-backticks", "INSERT IGNORE INTO `orders` (`id`, `total`) VALUES (1, 99)",
						"INSERT IGNORE INTO `orders_gray` (`id`, `total`) VALUES (1, 99)", Replay.DATA),
				new RewriteCase("insert-schema", "INSERT INTO lanes_shadow_it.customers (id, name) VALUES (8, 'Bo')",
						"INSERT INTO lanes_shadow_it.customers_gray (id, name) VALUES (8, 'Bo')", Replay.DATA),
				new RewriteCase("insert-set", "INSERT INTO customers SET id = 7, name = 'Cy'",
						"INSERT INTO customers_gray SET id = 7, name = 'Cy'", Replay.DATA),
				new RewriteCase("insert-shared-table", "INSERT INTO id_alloc (id, n) VALUES (2, 100)",
						"INSERT INTO id_alloc (id, n) VALUES (2, 100)", Replay.DATA),
				new RewriteCase("insert-select-from-shared",
						"INSERT INTO orders (id, customer_id, region_id, total, status) SELECT n, 1, 1, 0, 'new' FROM id_alloc WHERE id = 1",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) SELECT n, 1, 1, 0, 'new' FROM id_alloc WHERE id = 1",
						Replay.DATA),
				new RewriteCase("insert-select-read-base",
						"INSERT INTO customers (id, name) SELECT id + 100, name FROM dict_region",
						"INSERT INTO customers_gray (id, name) SELECT id + 100, name FROM dict_region", Replay.DATA),
				new RewriteCase("insert-hint",
						"INSERT /*+ SET_VAR(sort_buffer_size = 16M) */ INTO customers (id, name) VALUES (6, 'Di')",
						"INSERT /*+ SET_VAR(sort_buffer_size = 16M) */ INTO customers_gray (id, name) VALUES (6, 'Di')",
						Replay.DATA),
				new RewriteCase("replace-values",
						"REPLACE INTO orders (id, customer_id, region_id, total, status) VALUES (2, 2, 1, 50, 'paid')",
						"REPLACE INTO orders_gray (id, customer_id, region_id, total, status) VALUES (2, 2, 1, 50, 'paid')",
						Replay.DATA),
				new RewriteCase("replace-set", "REPLACE INTO customers SET id = 2, name = 'Ben'",
						"REPLACE INTO customers_gray SET id = 2, name = 'Ben'", Replay.DATA),
				new RewriteCase("replace-select",
						"REPLACE INTO archive (id, total) SELECT id, total FROM orders WHERE id = 1",
						"REPLACE INTO archive_gray (id, total) SELECT id, total FROM orders_gray WHERE id = 1",
						Replay.DATA),
				new RewriteCase("update-simple", "UPDATE orders SET status = 'paid' WHERE id = 1",
						"UPDATE orders_gray SET status = 'paid' WHERE id = 1", Replay.DATA),
				new RewriteCase("update-qualified",
						"UPDATE orders SET orders.total = orders.total + 1 WHERE orders.id = 2",
						"UPDATE orders_gray SET orders_gray.total = orders_gray.total + 1 WHERE orders_gray.id = 2",
						Replay.DATA),
				new RewriteCase("update-alias", "UPDATE orders o SET o.total = 0 WHERE o.customer_id = 1",
						"UPDATE orders_gray o SET o.total = 0 WHERE o.customer_id = 1", Replay.DATA),
				new RewriteCase("update-join",
						"UPDATE orders o JOIN items i ON i.order_id = o.id SET o.total = i.price WHERE i.id = 3",
						"UPDATE orders_gray o JOIN items_gray i ON i.order_id = o.id SET o.total = i.price WHERE i.id = 3",
						Replay.DATA),
				new RewriteCase("update-multi-table",
						"UPDATE orders, items SET orders.total = items.price, items.price = 0 WHERE items.order_id = orders.id AND items.id = 1",
						"UPDATE orders_gray, items_gray SET orders_gray.total = items_gray.price, items_gray.price = 0 WHERE items_gray.order_id = orders_gray.id AND items_gray.id = 1",
						Replay.DATA),
				new RewriteCase("update-join-read-base",
						"UPDATE orders o JOIN dict_region r ON r.id = o.region_id SET o.note = r.name",
						"UPDATE orders_gray o JOIN dict_region r ON r.id = o.region_id SET o.note = r.name",
						Replay.DATA),
				new RewriteCase("update-subquery",
						"UPDATE orders SET total = (SELECT MAX(price) FROM items WHERE items.order_id = orders.id) WHERE id = 1",
						"UPDATE orders_gray SET total = (SELECT MAX(price) FROM items_gray WHERE items_gray.order_id = orders_gray.id) WHERE id = 1",
						Replay.DATA),
				new RewriteCase("update-order-limit", "UPDATE orders SET status = 'late' ORDER BY id LIMIT 2",
						"UPDATE orders_gray SET status = 'late' ORDER BY id LIMIT 2", Replay.DATA),
				new RewriteCase("update-hint",
						"UPDATE /*+ NO_RANGE_OPTIMIZATION(orders) */ orders SET note = 'x' WHERE id = 3",
						"UPDATE /*+ NO_RANGE_OPTIMIZATION(orders) */ orders_gray SET note = 'x' WHERE id = 3",
						Replay.DATA),
				new RewriteCase("update-backticks-schema",
						"UPDATE `lanes_shadow_it`.`orders` SET `total` = 1 WHERE `id` = 1",
						"UPDATE `lanes_shadow_it`.`orders_gray` SET `total` = 1 WHERE `id` = 1", Replay.DATA),
				new RewriteCase("update-parameters", "UPDATE orders SET total = ? WHERE id = ?",
						"UPDATE orders_gray SET total = ? WHERE id = ?", Replay.DATA, 42, 1),
				new RewriteCase("delete-simple", "DELETE FROM orders WHERE id = 1",
						"DELETE FROM orders_gray WHERE id = 1", Replay.DATA),
				new RewriteCase("delete-qualified", "DELETE FROM orders WHERE orders.status = 'new'",
						"DELETE FROM orders_gray WHERE orders_gray.status = 'new'", Replay.DATA),
				new RewriteCase("delete-join-alias",
						"DELETE o FROM orders o JOIN items i ON i.order_id = o.id WHERE i.price > 5",
						"DELETE o FROM orders_gray o JOIN items_gray i ON i.order_id = o.id WHERE i.price > 5",
						Replay.DATA),
				new RewriteCase("delete-multi-target",
						"DELETE orders, items FROM orders INNER JOIN items ON items.order_id = orders.id WHERE orders.id = 1",
						"DELETE orders_gray, items_gray FROM orders_gray INNER JOIN items_gray ON items_gray.order_id = orders_gray.id WHERE orders_gray.id = 1",
						Replay.DATA),
				new RewriteCase("delete-multi-alias",
						"DELETE o, i FROM orders o JOIN items i ON i.order_id = o.id WHERE o.id = 2",
						"DELETE o, i FROM orders_gray o JOIN items_gray i ON i.order_id = o.id WHERE o.id = 2",
						Replay.DATA),
				new RewriteCase("delete-using",
						"DELETE FROM orders USING orders, items WHERE items.order_id = orders.id AND items.price > 5",
						"DELETE FROM orders_gray USING orders_gray, items_gray WHERE items_gray.order_id = orders_gray.id AND items_gray.price > 5",
						Replay.DATA),
				new RewriteCase("delete-subquery", "DELETE FROM items WHERE order_id IN (SELECT id FROM archive)",
						"DELETE FROM items_gray WHERE order_id IN (SELECT id FROM archive_gray)", Replay.DATA),
				new RewriteCase("delete-order-limit", "DELETE FROM orders ORDER BY id LIMIT 1",
						"DELETE FROM orders_gray ORDER BY id LIMIT 1", Replay.DATA),
				new RewriteCase("delete-low-priority", "DELETE LOW_PRIORITY FROM items WHERE price < 3",
						"DELETE LOW_PRIORITY FROM items_gray WHERE price < 3", Replay.DATA),
				new RewriteCase("delete-read-base-subquery",
						"DELETE FROM orders WHERE region_id IN (SELECT id FROM dict_region WHERE name = 'north')",
						"DELETE FROM orders_gray WHERE region_id IN (SELECT id FROM dict_region WHERE name = 'north')",
						Replay.DATA),
				new RewriteCase("truncate", "TRUNCATE TABLE items", "TRUNCATE TABLE items_gray", Replay.DDL),
				new RewriteCase("truncate-short", "TRUNCATE archive", "TRUNCATE archive_gray", Replay.DDL),
				new RewriteCase("create-table", "CREATE TABLE scratch (id INT PRIMARY KEY, v VARCHAR(10))",
						"CREATE TABLE scratch_gray (id INT PRIMARY KEY, v VARCHAR(10))", Replay.DDL),
				new RewriteCase("create-table-like", "CREATE TABLE IF NOT EXISTS scratch LIKE orders",
						"CREATE TABLE IF NOT EXISTS scratch_gray LIKE orders_gray", Replay.DDL),
				new RewriteCase("alter-table", "ALTER TABLE customers ADD COLUMN email VARCHAR(40)",
						"ALTER TABLE customers_gray ADD COLUMN email VARCHAR(40)", Replay.DDL),
				new RewriteCase("drop-table", "DROP TABLE IF EXISTS archive", "DROP TABLE IF EXISTS archive_gray",
						Replay.DDL),
				new RewriteCase("drop-tables", "DROP TABLE IF EXISTS archive, items",
						"DROP TABLE IF EXISTS archive_gray, items_gray", Replay.DDL),
				new RewriteCase("create-index", "CREATE INDEX ix_total ON orders (total)",
						"CREATE INDEX ix_total ON orders_gray (total)", Replay.DDL),
				new RewriteCase("call-procedure", "CALL refresh_orders(?)", "CALL refresh_orders_gray (?)", Replay.DATA,
						1),
				new RewriteCase("call-jdbc-escape", "{call refresh_orders(?)}", "{call refresh_orders_gray (?)}",
						Replay.DATA, 2),
				new RewriteCase("control-set", "SET @lane_marker = 1", "SET @lane_marker = 1", Replay.DATA),
				new RewriteCase("control-start", "START TRANSACTION", "START TRANSACTION", Replay.DATA),
				new RewriteCase("control-commit", "COMMIT", "COMMIT", Replay.DATA),
				new RewriteCase("select-distinct", "SELECT DISTINCT customer_id FROM orders",
						"SELECT DISTINCT customer_id FROM orders_gray", Replay.DATA),
				new RewriteCase("select-all-subquery",
						"SELECT id FROM orders o WHERE o.total > ALL (SELECT price FROM items)",
						"SELECT id FROM orders_gray o WHERE o.total > ALL (SELECT price FROM items_gray)", Replay.DATA),
				new RewriteCase("select-left-join-group",
						"SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name",
						"SELECT c.name, COUNT(o.id) FROM customers_gray c LEFT JOIN orders_gray o ON o.customer_id = c.id GROUP BY c.name",
						Replay.DATA),
				new RewriteCase("select-natural-join", "SELECT * FROM orders NATURAL JOIN items",
						"SELECT * FROM orders_gray NATURAL JOIN items_gray", Replay.DATA),
				new RewriteCase("select-join-using", "SELECT * FROM orders JOIN items USING (id)",
						"SELECT * FROM orders_gray JOIN items_gray USING (id)", Replay.DATA),
				new RewriteCase("select-straight-join",
						"SELECT orders.id FROM orders STRAIGHT_JOIN items ON items.order_id = orders.id",
						"SELECT orders_gray.id FROM orders_gray STRAIGHT_JOIN items_gray ON items_gray.order_id = orders_gray.id",
						Replay.DATA),
				new RewriteCase("select-index-hint", "SELECT * FROM orders FORCE INDEX (PRIMARY) WHERE id = 1",
						"SELECT * FROM orders_gray FORCE INDEX (PRIMARY) WHERE id = 1", Replay.DATA),
				new RewriteCase("select-limit-offset",
						"SELECT id FROM orders WHERE id BETWEEN 1 AND 3 ORDER BY id DESC LIMIT 1 OFFSET 1",
						"SELECT id FROM orders_gray WHERE id BETWEEN 1 AND 3 ORDER BY id DESC LIMIT 1 OFFSET 1",
						Replay.DATA),
				new RewriteCase("select-recursive-cte",
						"WITH RECURSIVE seq AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM seq WHERE n < 3) SELECT seq.n, orders.id FROM seq JOIN orders ON orders.id = seq.n",
						"WITH RECURSIVE seq AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM seq WHERE n < 3) SELECT seq.n, orders_gray.id FROM seq JOIN orders_gray ON orders_gray.id = seq.n",
						Replay.DATA),
				new RewriteCase("select-inline-comment-kept", "SELECT id /* inline */ FROM orders WHERE id = 2",
						"SELECT id /* inline */ FROM orders_gray WHERE id = 2", Replay.DATA),
				new RewriteCase("insert-default", "INSERT INTO customers (id, name) VALUES (5, DEFAULT)",
						"INSERT INTO customers_gray (id, name) VALUES (5, DEFAULT)", Replay.DATA),
				new RewriteCase("insert-row-alias",
						"INSERT INTO orders (id, total) VALUES (1, 2) AS new ON DUPLICATE KEY UPDATE total = new.total",
						"INSERT INTO orders_gray (id, total) VALUES (1, 2) AS new ON DUPLICATE KEY UPDATE total = new.total",
						Replay.notOnMariaDb("MySQL 8 row alias")),
				new RewriteCase("update-function-subquery",
						"UPDATE orders SET note = CONCAT(status, '-', (SELECT name FROM customers WHERE customers.id = orders.customer_id))",
						"UPDATE orders_gray SET note = CONCAT(status, '-', (SELECT name FROM customers_gray WHERE customers_gray.id = orders_gray.customer_id))",
						Replay.DATA),
				new RewriteCase("delete-trailing-semicolon", "DELETE FROM orders WHERE id = 1;",
						"DELETE FROM orders_gray WHERE id = 1;", Replay.DATA),
				new RewriteCase("control-rollback-to-savepoint", "ROLLBACK TO SAVEPOINT before_gray",
						"ROLLBACK TO SAVEPOINT before_gray",
						Replay.skip("needs an open transaction with that savepoint")),
				new RewriteCase("update-with-cte",
						"WITH x AS (SELECT order_id FROM items WHERE price > 5) UPDATE orders SET total = 0 WHERE id IN (SELECT order_id FROM x)",
						"WITH x AS (SELECT order_id FROM items_gray WHERE price > 5) UPDATE orders_gray SET total = 0 WHERE id IN (SELECT order_id FROM x)",
						Replay.notOnMariaDb("WITH before UPDATE is MySQL 8 syntax")),
				new RewriteCase("delete-with-cte",
						"WITH x AS (SELECT order_id FROM items WHERE price > 5) DELETE FROM orders WHERE id IN (SELECT order_id FROM x)",
						"WITH x AS (SELECT order_id FROM items_gray WHERE price > 5) DELETE FROM orders_gray WHERE id IN (SELECT order_id FROM x)",
						Replay.notOnMariaDb("WITH before DELETE is MySQL 8 syntax")),
				new RewriteCase("create-table-foreign-key",
						"CREATE TABLE scratch (id INT PRIMARY KEY, c INT, FOREIGN KEY (c) REFERENCES customers (id))",
						"CREATE TABLE scratch_gray (id INT PRIMARY KEY, c INT, FOREIGN KEY (c) REFERENCES customers_gray (id))",
						Replay.DDL),
				new RewriteCase("create-table-as-select",
						"CREATE TABLE scratch AS SELECT id, total FROM orders WHERE total > 20",
						"CREATE TABLE scratch_gray AS SELECT id, total FROM orders_gray WHERE total > 20", Replay.DDL),
				new RewriteCase("alter-rename-column", "ALTER TABLE orders RENAME COLUMN note TO memo",
						"ALTER TABLE orders_gray RENAME COLUMN note TO memo", Replay.DDL),
				new RewriteCase("table-statement", "TABLE orders", "TABLE orders_gray",
						Replay.notOnMariaDb("TABLE statement is MySQL 8 syntax")),
				new RewriteCase("select-parenthesized-join",
						"SELECT * FROM (orders JOIN items ON items.order_id = orders.id) WHERE items.price > 5",
						"SELECT * FROM (orders_gray JOIN items_gray ON items_gray.order_id = orders_gray.id) WHERE items_gray.price > 5",
						Replay.DATA),
				new RewriteCase("update-join-derived",
						"UPDATE orders JOIN (SELECT order_id, MAX(price) AS m FROM items GROUP BY order_id) t ON t.order_id = orders.id SET orders.total = t.m",
						"UPDATE orders_gray JOIN (SELECT order_id, MAX(price) AS m FROM items_gray GROUP BY order_id) t ON t.order_id = orders_gray.id SET orders_gray.total = t.m",
						Replay.DATA),
				new RewriteCase("replace-select-no-columns",
						"REPLACE INTO archive SELECT id, total FROM orders WHERE id > 2",
						"REPLACE INTO archive_gray SELECT id, total FROM orders_gray WHERE id > 2", Replay.DATA),
				new RewriteCase("insert-values-subquery",
						"INSERT INTO archive VALUES (60, (SELECT MAX(price) FROM items))",
						"INSERT INTO archive_gray VALUES (60, (SELECT MAX(price) FROM items_gray))", Replay.DATA),
				new RewriteCase("select-system-schema",
						"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'orders'",
						"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'orders'",
						Replay.DATA),
				new RewriteCase("select-jdbc-escapes",
						"SELECT id FROM orders WHERE {ts '2020-01-01 00:00:00'} < {fn NOW()} ORDER BY id",
						"SELECT id FROM orders_gray WHERE {ts '2020-01-01 00:00:00'} < {fn NOW()} ORDER BY id",
						Replay.DATA),
				new RewriteCase("select-lowercase-keywords-kept", "select id from orders where id = 1",
						"select id from orders_gray where id = 1", Replay.DATA),
				new RewriteCase("replace-set-subquery",
						"REPLACE INTO orders SET id = 2, note = (SELECT name FROM customers WHERE customers.id = 1)",
						"REPLACE INTO orders_gray SET id = 2, note = (SELECT name FROM customers_gray WHERE customers_gray.id = 1)",
						Replay.DATA),
				new RewriteCase("insert-on-duplicate-subquery",
						"INSERT INTO orders (id) VALUES (1) ON DUPLICATE KEY UPDATE note = (SELECT MAX(name) FROM customers)",
						"INSERT INTO orders_gray (id) VALUES (1) ON DUPLICATE KEY UPDATE note = (SELECT MAX(name) FROM customers_gray)",
						Replay.DATA),
				new RewriteCase("select-layout-kept",
						"select o.id,\n\t`o`.total -- first\nfrom `orders` o /* kept */ where o.id > ? order by o.id",
						"select o.id,\n\t`o`.total -- first\nfrom `orders_gray` o /* kept */ where o.id > ? order by o.id",
						Replay.DATA, 0),
				new RewriteCase("select-executable-comment-printed",
						"select id /*!40001 SQL_NO_CACHE */ from orders where id = 1",
						"SELECT id FROM orders_gray WHERE id = 1", Replay.DATA),
				new RewriteCase("select-alias-spelled-like-table-printed",
						"select o.id as orders from orders o order by o.id",
						"SELECT o.id AS orders FROM orders_gray o ORDER BY o.id", Replay.DATA),
				new RewriteCase("update-set-on-parenthesized-join-partner",
						"UPDATE orders o JOIN (items i) ON i.order_id = o.id SET i.price = i.price + o.total WHERE o.id = 1",
						"UPDATE orders_gray o JOIN (items_gray i) ON i.order_id = o.id SET i.price = i.price + o.total WHERE o.id = 1",
						Replay.DATA),
				new RewriteCase("update-set-on-table-of-parenthesized-list",
						"UPDATE orders o LEFT JOIN (items i, customers c) ON i.order_id = o.id AND c.id = o.customer_id SET c.name = 'x' WHERE o.id = 1",
						"UPDATE orders_gray o LEFT JOIN (items_gray i, customers_gray c) ON i.order_id = o.id AND c.id = o.customer_id SET c.name = 'x' WHERE o.id = 1",
						Replay.DATA),
				new RewriteCase("update-of-parenthesized-join",
						"UPDATE (orders o JOIN items i ON i.order_id = o.id) SET o.total = i.price WHERE o.id = 1",
						"UPDATE (orders_gray o JOIN items_gray i ON i.order_id = o.id) SET o.total = i.price WHERE o.id = 1",
						Replay.DATA),
				new RewriteCase("delete-target-in-parenthesized-join",
						"DELETE i FROM orders o JOIN (items i) ON i.order_id = o.id WHERE o.id = 1",
						"DELETE i FROM orders_gray o JOIN (items_gray i) ON i.order_id = o.id WHERE o.id = 1",
						Replay.DATA),
				new RewriteCase("delete-target-in-nested-join",
						"DELETE c FROM orders o JOIN (items i JOIN customers c ON c.id = i.order_id) ON i.order_id = o.id WHERE o.id = 2",
						"DELETE c FROM orders_gray o JOIN (items_gray i JOIN customers_gray c ON c.id = i.order_id) ON i.order_id = o.id WHERE o.id = 2",
						Replay.DATA),
				new RewriteCase("delete-targets-from-parenthesized-join",
						"DELETE orders, items FROM (orders JOIN items ON items.order_id = orders.id) WHERE orders.id = 1",
						"DELETE orders_gray, items_gray FROM (orders_gray JOIN items_gray ON items_gray.order_id = orders_gray.id) WHERE orders_gray.id = 1",
						Replay.DATA),
				new RewriteCase("update-alias-spelled-like-shadow-table",
						"UPDATE orders AS orders_gray SET orders_gray.total = 7 WHERE orders_gray.id = 1",
						"UPDATE orders_gray AS orders_gray SET orders_gray.total = 7 WHERE orders_gray.id = 1",
						Replay.DATA),
				new RewriteCase("delete-alias-spelled-like-shadow-table",
						"DELETE orders_gray FROM orders AS orders_gray WHERE orders_gray.id = 3",
						"DELETE orders_gray FROM orders_gray AS orders_gray WHERE orders_gray.id = 3", Replay.DATA),
				new RewriteCase("update-aliases-swapping-table-names",
						"UPDATE orders AS items JOIN items AS orders ON orders.order_id = items.id SET orders.price = items.total",
						"UPDATE orders_gray AS items JOIN items_gray AS orders ON orders.order_id = items.id SET orders.price = items.total",
						Replay.DATA),
				new RewriteCase("delete-target-aliased-like-another-table",
						"DELETE orders FROM items AS orders WHERE orders.id = 1",
						"DELETE orders FROM items_gray AS orders WHERE orders.id = 1", Replay.DATA),
				new RewriteCase("delete-using-list-targets",
						"DELETE FROM orders, items USING orders, items WHERE items.order_id = orders.id AND orders.id = 2",
						"DELETE FROM orders_gray, items_gray USING orders_gray, items_gray WHERE items_gray.order_id = orders_gray.id AND orders_gray.id = 2",
						Replay.DATA),
				new RewriteCase("select-from-dual", "SELECT 1 + 1 FROM DUAL", "SELECT 1 + 1 FROM DUAL", Replay.DATA),
				new RewriteCase("select-from-dual-with-subquery",
						"SELECT 1 FROM dual WHERE EXISTS (SELECT 1 FROM orders WHERE id = 4)",
						"SELECT 1 FROM dual WHERE EXISTS (SELECT 1 FROM orders_gray WHERE id = 4)", Replay.DATA),
				new RewriteCase("insert-select-from-dual",
						"INSERT INTO orders (id, total) SELECT 9, 90 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM orders WHERE id = 9)",
						"INSERT INTO orders_gray (id, total) SELECT 9, 90 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM orders_gray WHERE id = 9)",
						Replay.DATA),
				new RewriteCase("delete-in-data-modifying-cte",
						"WITH moved AS (DELETE FROM orders WHERE id = 1 RETURNING *) INSERT INTO archive SELECT id, total FROM moved",
						"WITH moved AS (DELETE FROM orders_gray WHERE id = 1 RETURNING *) INSERT INTO archive_gray SELECT id, total FROM moved",
						Replay.skip("PostgreSQL syntax")));
	}

	/**
	 * One case.
	 *
	 * @param name the case name
	 * @param sql the SQL as the application sends it in lane gray
	 * @param expected the exact SQL the rewriter must produce
	 * @param replay how the integration test replays it
	 * @param params JDBC parameters for the replay
	 */
	public record RewriteCase(String name, String sql, String expected, Replay replay, Object... params) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * How a case is replayed against the server.
	 *
	 * @param ddl whether the case changes the schema, so it is rebuilt afterwards
	 * @param skipReason why the case is not replayed, or {@code null}
	 * @param mariaDbSkipReason why the case is not replayed on MariaDB (MySQL-only
	 * syntax), or {@code null}
	 */
	public record Replay(boolean ddl, @Nullable String skipReason, @Nullable String mariaDbSkipReason) {

		/**
		 * Replayed; changes data only.
		 */
		public static final Replay DATA = new Replay(false, null, null);

		/**
		 * Replayed; changes the schema.
		 */
		public static final Replay DDL = new Replay(true, null, null);

		static Replay skip(String reason) {
			return new Replay(false, reason, null);
		}

		static Replay notOnMariaDb(String reason) {
			return new Replay(false, null, reason);
		}

	}

}
