package dev.sluice.cli.expr;

import dev.sluice.Column;

/**
 * A parsed sub-expression: its column, and for a literal also its Java value (function arguments such as
 * {@code substring(s, 1, 3)} or the schema of {@code from_json} need the value, not a column).
 * {@code position} is where it starts in the input, for error messages.
 */
record Parsed(Column column, boolean isLiteral, Object value, int position) {
    static Parsed of(Column column, int position) {
        return new Parsed(column, false, null, position);
    }

    static Parsed literal(Object value, int position) {
        return new Parsed(dev.sluice.functions.lit(value), true, value, position);
    }
}
