package dev.sluice.sql;

import dev.sluice.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions by SQL name for other front ends (the Spark Connect server receives every function by name): the same
 * resolution SQL text gets ({@link FunctionResolver}), so a name means one thing everywhere.
 */
public final class SqlFunctions {
    private SqlFunctions() {}

    /** {@code name(arguments)}, or {@code name(DISTINCT arguments)}; UNKNOWN_FUNCTION when no function has the name. */
    public static Column call(String name, List<Column> arguments, boolean distinct) {
        List<dev.sluice.expr.Expression> args = new ArrayList<>(arguments.size());
        for (Column c : arguments) args.add(c.expr());
        return new Column(distinct ? FunctionResolver.distinct(name, args) : FunctionResolver.resolve(name, args));
    }

    /** True when SQL knows a function of this name. */
    public static boolean exists(String name) { return FunctionResolver.exists(name); }

    /** The names of the built-in functions SQL text can call, sorted (SHOW FUNCTIONS, spark.catalog.listFunctions). */
    public static java.util.SortedSet<String> names() { return FunctionResolver.names(); }
}
