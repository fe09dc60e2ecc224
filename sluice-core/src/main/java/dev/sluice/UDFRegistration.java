package dev.sluice;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataType;
import dev.sluice.udf.UDF0;
import dev.sluice.udf.UDF1;
import dev.sluice.udf.UDF2;
import dev.sluice.udf.UDF3;
import dev.sluice.udf.UDF4;
import dev.sluice.udf.UDF5;
import dev.sluice.udf.UDF6;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's user-defined functions by name ({@code sluice.udf()}, Spark's {@code spark.udf}): callable from
 * SQL, {@code selectExpr} and {@code filter(String)} in this session only, shadowing a built-in of the same name
 * as Spark's temporary functions do. Registering again under a name replaces the function.
 */
public final class UDFRegistration {
    private final Map<String, ScalarFunction> byName = new ConcurrentHashMap<>();

    UDFRegistration() {}

    /** Registers {@code udf} as {@code name}; returns it named so. */
    public UserDefinedFunction register(String name, UserDefinedFunction udf) {
        UserDefinedFunction named = udf.withName(name);
        byName.put(name.toLowerCase(Locale.ROOT), named.function());
        return named;
    }

    public UserDefinedFunction register(String name, UDF0<?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF1<?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF2<?, ?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF3<?, ?, ?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF4<?, ?, ?, ?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF5<?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    public UserDefinedFunction register(String name, UDF6<?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return register(name, functions.udf(f, returnType));
    }

    /** The function registered as {@code name} (any case), or null. */
    public ScalarFunction lookup(String name) { return byName.get(name.toLowerCase(Locale.ROOT)); }

    private final Map<String, TableFunction> tableFunctions = new ConcurrentHashMap<>();

    /** Registers a table function as {@code name}, callable in this session's SQL FROM clauses (replacing one of that name). */
    public void registerTableFunction(String name, TableFunction function) {
        tableFunctions.put(name.toLowerCase(Locale.ROOT), java.util.Objects.requireNonNull(function, "function"));
    }

    /** The table function registered as {@code name}, or null. */
    public TableFunction tableFunction(String name) { return tableFunctions.get(name.toLowerCase(Locale.ROOT)); }

    /** True when a function is registered as {@code name}. */
    public boolean exists(String name) { return lookup(name) != null; }

    /** Runs {@code body} with this session's functions visible to the SQL front end. */
    public <T> T visibleTo(java.util.function.Supplier<T> body) {
        Catalog c = catalog;
        if (c == null) return dev.sluice.expr.SessionFunctions.within(this::lookup, body);
        // the catalog's SQL functions (CREATE FUNCTION) too
        return dev.sluice.expr.SessionFunctions.within(this::lookup, () -> dev.sluice.sql.SqlRoutines.within(c, body));
    }

    private volatile Catalog catalog;

    /** The session's catalog, whose functions {@link #visibleTo} makes visible as well. */
    void attach(Catalog catalog) { this.catalog = catalog; }
}
