package com.example.shop;

import javax.sql.DataSource;

import dev.lanes.test.BaseTablesAssert;
import dev.lanes.test.ShadowAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void aGrayRequestIsServedInItsLaneAndWritesOnlyTheShadowTable() throws Exception {
		BaseTablesAssert base = ShadowAssertions.assertThatBaseTables(this.dataSource, "carts");
		String reply = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/carts?item=book")
			.header("x-lane", "gray")
			.retrieve()
			.body(String.class);
		assertThat(reply).isEqualTo("added in gray");
		base.areUnchanged();
		ShadowAssertions.assertThatLaneTable(this.dataSource, "carts", "gray").hasRowCount(1);
	}

}
