package dev.lanes.shadow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Immutable shadow settings: which lanes are shadowed, how, and what each table's policy
 * is. Built once from configuration with {@link #builder()}.
 */
public final class ShadowRules {

	/**
	 * Placeholder for the lane in {@link Builder#tableSuffix(String)}.
	 */
	public static final String LANE_PLACEHOLDER = "{lane}";

	private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "performance_schema", "mysql", "sys",
			"pg_catalog");

	private final Set<String> lanes;

	private final ShadowMode mode;

	private final String tableSuffix;

	private final TablePolicy defaultPolicy;

	private final Map<String, TablePolicy> tables;

	private final UnparseableReadAction onUnparseableRead;

	private final SqlDialect dialect;

	private final SqlMode sqlMode;

	private ShadowRules(Builder builder) {
		this.lanes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.lanes));
		this.mode = builder.mode;
		this.tableSuffix = builder.tableSuffix;
		this.defaultPolicy = builder.defaultPolicy;
		this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tables));
		this.onUnparseableRead = builder.onUnparseableRead;
		this.dialect = builder.dialect;
		this.sqlMode = builder.sqlMode;
	}

	/**
	 * Starts building rules.
	 * @return a builder with the defaults: no lane, table mode, suffix {@code _{lane}},
	 * default policy {@link TablePolicy#SHADOW}, unparseable reads rejected, MySQL
	 * dialect, {@link SqlMode#DEFAULT} session settings
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Tells whether the statements of {@code lane} must use shadow data. Lane names are
	 * compared ignoring case ({@link Lanes#canonical}): {@code GRAY} is shadowed when
	 * {@code gray} is.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return whether the lane is shadowed
	 */
	public boolean isShadowed(@Nullable String lane) {
		if (lane == null) {
			return false;
		}
		// the hot path: LaneContext already holds lanes in canonical form
		if (this.lanes.contains(lane)) {
			return true;
		}
		String canonical = isCanonicalForm(lane) ? lane : Lanes.canonical(lane);
		return canonical != null && !canonical.equals(lane) && this.lanes.contains(canonical);
	}

	private static boolean isCanonicalForm(String lane) {
		for (int i = 0; i < lane.length(); i++) {
			char c = lane.charAt(i);
			if (Character.isUpperCase(c) || Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the shadowed lanes.
	 * @return the lanes
	 */
	public Set<String> lanes() {
		return this.lanes;
	}

	/**
	 * Returns how shadowed lanes reach shadow data.
	 * @return the mode
	 */
	public ShadowMode mode() {
		return this.mode;
	}

	/**
	 * Returns what shadowed lanes do with unparseable reads.
	 * @return the action
	 */
	public UnparseableReadAction onUnparseableRead() {
		return this.onUnparseableRead;
	}

	/**
	 * Returns the SQL dialect.
	 * @return the dialect
	 */
	public SqlDialect dialect() {
		return this.dialect;
	}

	/**
	 * Returns the session settings that change how the server splits SQL into tokens.
	 * @return the SQL mode
	 */
	public SqlMode sqlMode() {
		return this.sqlMode;
	}

	/**
	 * Returns the tables with an explicit policy, keyed by lower-case name (optionally
	 * {@code schema.table}).
	 * @return the table policies
	 */
	public Map<String, TablePolicy> tables() {
		return this.tables;
	}

	/**
	 * Returns the suffix that turns a base table name into the lane's shadow table name.
	 * @param lane the lane, in any case
	 * @return the suffix, for example {@code _gray}, with the lane in lower case
	 */
	public String suffix(String lane) {
		return this.tableSuffix.replace(LANE_PLACEHOLDER, lane.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns the policy of a table, looked up as {@code schema.table}, then
	 * {@code table}, ignoring case; unlisted tables of the server's system schemas
	 * ({@code information_schema}, {@code performance_schema}, {@code mysql},
	 * {@code sys}, {@code pg_catalog}) are {@link TablePolicy#READ_BASE}, other unlisted
	 * tables get the default policy.
	 * @param schema the unquoted schema, or {@code null}
	 * @param table the unquoted table name
	 * @return the policy
	 */
	public TablePolicy policyOf(@Nullable String schema, String table) {
		String name = table.toLowerCase(Locale.ROOT);
		if (schema != null) {
			String schemaName = schema.toLowerCase(Locale.ROOT);
			TablePolicy qualified = this.tables.get(schemaName + "." + name);
			if (qualified != null) {
				return qualified;
			}
			if (SYSTEM_SCHEMAS.contains(schemaName)) {
				return TablePolicy.READ_BASE;
			}
			if (schemaName.startsWith("pg_temp")) {
				// a temporary table hides the table of the same name for the rest of the
				// pooled session
				return TablePolicy.DENY;
			}
		}
		return this.tables.getOrDefault(name, this.defaultPolicy);
	}

	/**
	 * Builds {@link ShadowRules}.
	 */
	public static final class Builder {

		private final Set<String> lanes = new LinkedHashSet<>();

		private ShadowMode mode = ShadowMode.TABLE;

		private String tableSuffix = "_" + LANE_PLACEHOLDER;

		private TablePolicy defaultPolicy = TablePolicy.SHADOW;

		private final Map<String, TablePolicy> tables = new LinkedHashMap<>();

		private UnparseableReadAction onUnparseableRead = UnparseableReadAction.REJECT;

		private SqlDialect dialect = SqlDialect.MYSQL;

		private SqlMode sqlMode = SqlMode.DEFAULT;

		private Builder() {
		}

		/**
		 * Sets the session settings that change how the server splits SQL into tokens;
		 * they must match the sessions of the wrapped data source.
		 * @param sqlMode the SQL mode
		 * @return this builder
		 */
		public Builder sqlMode(SqlMode sqlMode) {
			this.sqlMode = sqlMode;
			return this;
		}

		/**
		 * Sets the SQL dialect.
		 * @param dialect the dialect
		 * @return this builder
		 */
		public Builder dialect(SqlDialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * Adds shadowed lanes.
		 * @param lanes valid lane names, in any case; held in lower case
		 * @return this builder
		 */
		public Builder lanes(String... lanes) {
			for (String lane : lanes) {
				String canonical = Lanes.canonical(lane);
				if (canonical == null) {
					throw new IllegalArgumentException("Invalid lane name '" + lane + "'");
				}
				this.lanes.add(canonical);
			}
			return this;
		}

		/**
		 * Sets the mode.
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(ShadowMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * Sets the shadow table suffix; {@value #LANE_PLACEHOLDER} stands for the lane.
		 * @param tableSuffix the suffix, for example {@code _{lane}} or {@code _shadow}
		 * @return this builder
		 */
		public Builder tableSuffix(String tableSuffix) {
			if (tableSuffix.isBlank() || !tableSuffix.matches("[A-Za-z0-9_{}$]+")) {
				throw new IllegalArgumentException("Invalid table suffix '" + tableSuffix
						+ "': use letters, digits, '_', '$' and " + LANE_PLACEHOLDER);
			}
			this.tableSuffix = tableSuffix;
			return this;
		}

		/**
		 * Sets the policy of tables that are not listed.
		 * @param defaultPolicy the policy
		 * @return this builder
		 */
		public Builder defaultPolicy(TablePolicy defaultPolicy) {
			this.defaultPolicy = defaultPolicy;
			return this;
		}

		/**
		 * Sets the policy of one table.
		 * @param table the table, optionally as {@code schema.table}, case-insensitive
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder table(String table, TablePolicy policy) {
			this.tables.put(table.toLowerCase(Locale.ROOT), policy);
			return this;
		}

		/**
		 * Sets what to do with unparseable reads of shadowed lanes.
		 * @param action the action
		 * @return this builder
		 */
		public Builder onUnparseableRead(UnparseableReadAction action) {
			this.onUnparseableRead = action;
			return this;
		}

		/**
		 * Builds the rules.
		 * @return the rules
		 */
		public ShadowRules build() {
			return new ShadowRules(this);
		}

	}

}
