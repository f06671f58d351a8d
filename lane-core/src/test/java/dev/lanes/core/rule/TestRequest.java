package dev.lanes.core.rule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A {@link LaneRequest} built from plain values.
 */
final class TestRequest implements LaneRequest {

	private final Map<String, String> headers = new HashMap<>();

	private final Map<String, String> query = new HashMap<>();

	private final Map<String, String> cookies = new HashMap<>();

	private final Map<String, String> body = new HashMap<>();

	private final Map<String, String> form = new HashMap<>();

	private String path = "/";

	private @Nullable String host;

	private String method = "GET";

	private @Nullable String remoteAddress;

	static TestRequest create() {
		return new TestRequest();
	}

	TestRequest header(String name, String value) {
		this.headers.put(name.toLowerCase(Locale.ROOT), value);
		return this;
	}

	TestRequest query(String name, String value) {
		this.query.put(name, value);
		return this;
	}

	TestRequest cookie(String name, String value) {
		this.cookies.put(name, value);
		return this;
	}

	TestRequest body(String pointer, String value) {
		this.body.put(pointer, value);
		return this;
	}

	TestRequest form(String name, String value) {
		this.form.put(name, value);
		return this;
	}

	TestRequest path(String path) {
		this.path = path;
		return this;
	}

	TestRequest host(String host) {
		this.host = host;
		return this;
	}

	TestRequest method(String method) {
		this.method = method;
		return this;
	}

	TestRequest remoteAddress(String address) {
		this.remoteAddress = address;
		return this;
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public @Nullable String queryParam(String name) {
		return this.query.get(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		return this.cookies.get(name);
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public @Nullable String host() {
		return this.host;
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public @Nullable String bodyField(String jsonPointer) {
		return this.body.get(jsonPointer);
	}

	@Override
	public @Nullable String formField(String name) {
		return this.form.get(name);
	}

}
