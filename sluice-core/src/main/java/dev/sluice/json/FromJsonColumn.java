package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.StructType;

import static java.util.Objects.requireNonNull;

/**
 * A {@code from_json(column, schema, options)} that a JSON reader may evaluate while it reads the top-level string
 * {@code column} (see {@link EscapedJsonScanner}); the column's vector then carries the results, and
 * {@link FromJsonEvaluator} takes them instead of parsing the text again. {@code keepText} false: the planner
 * found that nothing reads the column's text but this call (the column ends where it is parsed), so the reader
 * need not keep the text of the rows it parses; reading it anyway is an internal error, never a wrong value.
 */
public record FromJsonColumn(String column, DataType schema, JsonOptions options, boolean keepText) {
    public FromJsonColumn {
        requireNonNull(column, "column");
        requireNonNull(schema, "schema");
        requireNonNull(options, "options");
    }

    /** A call whose column's text is kept for whatever else reads it. */
    public FromJsonColumn(String column, DataType schema, JsonOptions options) { this(column, schema, options, true); }

    /** This call, with its column's text kept or not. */
    public FromJsonColumn keepingText(boolean keep) { return new FromJsonColumn(column, schema, options, keep); }

    /** True when {@code call} (a from_json over this column) takes this call's results: same schema and options. */
    public boolean sameCall(DataType otherSchema, JsonOptions otherOptions) {
        return schema.equals(otherSchema) && options.equals(otherOptions);
    }

    /**
     * True when a reader may evaluate this call ahead of the query: a struct schema and a mode that cannot fail
     * at construction (DROPMALFORMED is refused by from_json). Errors never surface early: rows the fused scan
     * does not parse are left to from_json itself, evaluated where the query evaluates it.
     */
    public boolean fusable() {
        return schema instanceof StructType && options.mode() != ParseMode.DROPMALFORMED;
    }
}
