package dev.lanes.core.rule;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One condition of a rule as written in configuration, for example {@code { source:
 * header, name: canary, op: "==", value: gray }}.
 */
public class ConditionDefinition {

	/**
	 * Where the value is read: header, query, cookie, path, host, method, remote-address,
	 * body (JSON pointer in name) or form.
	 */
	private @Nullable String source;

	/**
	 * Header, parameter, cookie or form field name, or the JSON pointer of a body field.
	 */
	private @Nullable String name;

	/**
	 * Operator: ==, !=, in, not-in, prefix, regex (whole-value match), exists or
	 * percentage.
	 */
	private @Nullable String op;

	/**
	 * Value compared with, for ==, !=, prefix, regex and percentage (for example "10" or
	 * the range "20-50").
	 */
	private @Nullable String value;

	/**
	 * Values compared with, for in and not-in.
	 */
	private List<String> values = new ArrayList<>();

	/**
	 * Hash of a percentage condition: stable (FNV-1a, 0.01% resolution) or sha256
	 * (sha256(value) mod 100, whole percents, as some gateway plugins hash).
	 */
	private String hash = "stable";

	public ConditionDefinition() {
	}

	public ConditionDefinition(String source, @Nullable String name, String op, @Nullable String value) {
		this.source = source;
		this.name = name;
		this.op = op;
		this.value = value;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getOp() {
		return this.op;
	}

	public void setOp(@Nullable String op) {
		this.op = op;
	}

	public @Nullable String getValue() {
		return this.value;
	}

	public void setValue(@Nullable String value) {
		this.value = value;
	}

	public List<String> getValues() {
		return this.values;
	}

	public void setValues(List<String> values) {
		this.values = values;
	}

	public String getHash() {
		return this.hash;
	}

	public void setHash(String hash) {
		this.hash = hash;
	}

}
