package com.example.shop;

import dev.lanes.core.LaneContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's service: it records carts and tells which lane served a request.
 */
@SpringBootApplication
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

	@RestController
	static class CartController {

		private final JdbcTemplate jdbc;

		CartController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@PostMapping("/carts")
		String add(@RequestParam String item) {
			this.jdbc.update("INSERT INTO carts (item) VALUES (?)", item);
			return "added in " + lane();
		}

		@GetMapping("/lane")
		String lane() {
			String lane = LaneContext.current();
			return (lane != null) ? lane : "base";
		}

	}

}
