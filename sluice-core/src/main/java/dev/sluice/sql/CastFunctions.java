package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.types.DdlParser;

import java.util.List;
import java.util.Map;

/**
 * Spark's cast functions, {@code int(x)}, {@code string(x)}, {@code decimal(x)} ...: {@code CAST(x AS type)} under
 * the type's name, one argument each (Spark's castAlias entries of its function registry).
 */
final class CastFunctions {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("boolean", "boolean"), Map.entry("tinyint", "tinyint"), Map.entry("smallint", "smallint"),
            Map.entry("int", "int"), Map.entry("bigint", "bigint"), Map.entry("float", "float"), Map.entry("double", "double"),
            Map.entry("decimal", "decimal(10,0)"), Map.entry("date", "date"), Map.entry("timestamp", "timestamp"),
            Map.entry("binary", "binary"), Map.entry("string", "string"));

    private CastFunctions() {}

    static boolean handles(String lowerName) { return TYPES.containsKey(lowerName); }

    static Expression build(String lowerName, List<Expression> args) {
        if (args.size() != 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", lowerName)
                    .with("reason", "the cast function " + lowerName + " takes exactly 1 argument, got " + args.size()).build();
        }
        return new Cast(args.get(0), DdlParser.parseType(TYPES.get(lowerName)), EvalMode.ANSI);
    }
}
