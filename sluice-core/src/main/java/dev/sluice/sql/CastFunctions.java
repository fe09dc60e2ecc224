package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ReplacedFunction;
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

    /**
     * One replaced function per type: Spark's cast aliases add a cast the user did not write as CAST, so their text
     * (and an unaliased column's name) is the argument's own: {@code date('2008-02-20')} is named {@code 2008-02-20}.
     */
    private static final Map<String, ReplacedFunction> FUNCTIONS = functions();

    private static Map<String, ReplacedFunction> functions() {
        Map<String, ReplacedFunction> out = new java.util.HashMap<>();
        TYPES.forEach((name, ddl) -> {
            dev.sluice.types.DataType type = DdlParser.parseType(ddl);
            out.put(name, new ReplacedFunction(name, a -> new Cast(a.get(0), type, EvalMode.ANSI), a -> a.get(0).sql()));
        });
        return Map.copyOf(out);
    }

    private CastFunctions() {}

    static boolean handles(String lowerName) { return TYPES.containsKey(lowerName); }

    static Expression build(String lowerName, List<Expression> args) {
        if (args.size() != 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", lowerName)
                    .with("reason", "the cast function " + lowerName + " takes exactly 1 argument, got " + args.size()).build();
        }
        return FUNCTIONS.get(lowerName).call(args.get(0));
    }
}
