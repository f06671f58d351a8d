package dev.lanes.shadow.privilege;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MySqlGrant}.
 */
class MySqlGrantTests {

	@Test
	void readsTableGrantWithColumnLists() {
		MySqlGrant grant = MySqlGrant
			.parse("GRANT SELECT (`id`, `v`), UPDATE (`total`) ON `shop`.`orders_gray` TO `lanes_gray`@`%`");
		assertThat(grant).isNotNull();
		assertThat(grant.privileges()).containsExactly("SELECT", "UPDATE");
		assertThat(grant.target()).isEqualTo("shop.orders_gray");
	}

	@Test
	void columnNameHoldingOnAndParenthesesCannotMoveTheTarget() {
		MySqlGrant grant = MySqlGrant.parse("GRANT SELECT (`a) ON lanes.orders_gray TO x (`), UPDATE (`total`) "
				+ "ON `lanes`.`orders` TO `lanes_gray`@`%`");
		assertThat(grant).isNotNull();
		assertThat(grant.privileges()).containsExactly("SELECT", "UPDATE");
		assertThat(grant.schema()).isEqualTo("lanes");
		assertThat(grant.table()).isEqualTo("orders");
	}

	@Test
	void readsGlobalAndDatabaseWideGrantsUnderAnsiQuotes() {
		assertThat(MySqlGrant.parse("GRANT USAGE ON *.* TO \"u\"@\"%\"").schema()).isNull();
		MySqlGrant database = MySqlGrant.parse("GRANT SELECT, INSERT ON \"shop\".* TO \"u\"@\"%\" WITH GRANT OPTION");
		assertThat(database.schema()).isEqualTo("shop");
		assertThat(database.table()).isNull();
		assertThat(database.grantOption()).isTrue();
	}

	@Test
	void routineGrantIsMarked() {
		assertThat(MySqlGrant.parse("GRANT EXECUTE ON PROCEDURE `shop`.`p` TO `u`@`%`").routine()).isTrue();
	}

	@Test
	void rolesAndProxiesAreNotRead() {
		assertThat(MySqlGrant.parse("GRANT `app_role` TO `u`@`%`")).isNull();
		assertThat(MySqlGrant.parse("GRANT PROXY ON ''@'%' TO 'u'@'%'")).isNull();
		assertThat(MySqlGrant.parse("REVOKE SELECT ON *.* FROM u")).isNull();
	}

}
