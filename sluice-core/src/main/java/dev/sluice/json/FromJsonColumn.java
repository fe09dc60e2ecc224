package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.StructType;

import static java.util.Objects.requireNonNull;

/**
 * A {@code from_json(column, schema, options)} that a JSON reader may evaluate while it reads the top-level string
 * {@code column} (see {@link EscapedJsonScanner}); the column's vector then carries the results, and
 * {@link FromJsonEvaluator} takes them instead of parsing the text again.
 */
public record FromJsonColumn(String column, DataType schema, JsonOptions options) {
    public FromJsonColumn {
        requireNonNull(column, "column");
        requireNonNull(schema, "schema");
        requireNonNull(options, "options");
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
