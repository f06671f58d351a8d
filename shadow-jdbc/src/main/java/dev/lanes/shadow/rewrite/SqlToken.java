package dev.lanes.shadow.rewrite;

/**
 * One token as the database server reads it: its kind and where it lies in the SQL text.
 * Produced by {@link MySqlLexer} and {@link PostgresLexer}; blanks between tokens are not
 * tokens.
 *
 * @param kind the kind
 * @param start the offset of the first character
 * @param bodyStart the offset of the opening quote of a string with a prefix
 * ({@code N'..'}, {@code X'..'}, PostgreSQL's {@code E'..'}, {@code U&'..'}), else
 * {@code start}
 * @param end the offset after the last character
 */
record SqlToken(Kind kind, int start, int bodyStart, int end) {

	/**
	 * Creates a token without a prefix.
	 */
	SqlToken(Kind kind, int start, int end) {
		this(kind, start, start, end);
	}

	/**
	 * The kinds of token.
	 */
	enum Kind {

		/**
		 * A keyword or unquoted identifier (also a name starting with digits).
		 */
		WORD,

		/**
		 * A number.
		 */
		NUMBER,

		/**
		 * One operator or punctuation character.
		 */
		OPERATOR,

		/**
		 * A string literal, quotes (and prefix) included; PostgreSQL dollar-quoted
		 * strings too.
		 */
		STRING,

		/**
		 * A quoted identifier, quotes included.
		 */
		QUOTED_IDENTIFIER,

		/**
		 * A comment the server skips ({@code /* *}{@code /}, optimizer hints {@code /*+},
		 * line comments).
		 */
		COMMENT,

		/**
		 * A MySQL executable comment ({@code /*!}, MariaDB's {@code /*M!}), whose content
		 * the server runs.
		 */
		EXECUTABLE_COMMENT;

		/**
		 * Tells whether the parser must read a token of this kind with exactly the same
		 * boundaries: its content is not SQL to the parser.
		 */
		boolean opaque() {
			return this == STRING || this == QUOTED_IDENTIFIER || comment();
		}

		/**
		 * Tells whether this is a comment kind.
		 */
		boolean comment() {
			return this == COMMENT || this == EXECUTABLE_COMMENT;
		}

	}

}
