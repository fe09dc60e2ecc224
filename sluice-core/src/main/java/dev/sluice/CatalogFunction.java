package dev.sluice;

import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A function of the session catalog. Spark 4's SQL function: its parameters (with the SQL text of their DEFAULT
 * values, null where none), what it returns and its body in SQL, expanded at each call (arguments cast to the
 * parameters' types, the result to the return type). A scalar function ({@code RETURNS INT}) has a
 * {@code returnType}; a table function ({@code RETURNS TABLE [(a INT, ...)]}) has {@code table} set and its declared
 * {@code columns} (null when RETURNS TABLE names none: the body's own columns). {@code queryBody}: the body is a query
 * ({@code RETURN SELECT ...}), else an expression. Or a function defined by a JVM class
 * ({@code CREATE FUNCTION f AS 'com.example.MyUdf'}): recorded, as Spark records it without loading the class, and
 * refused when called, since Sluice does not run Hive or Spark UDF classes. {@code database} is null for a
 * temporary function.
 */
public record CatalogFunction(String database, String name, List<StructField> parameters, DataType returnType, String body,
                              String className, String comment, List<String> parameterDefaults, boolean table, StructType columns,
                              boolean queryBody, boolean deterministic, String dataAccess) {
    public CatalogFunction {
        parameters = parameters == null ? null : List.copyOf(parameters);
        if (parameters != null) {
            List<String> defaults = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) defaults.add(parameterDefaults == null || i >= parameterDefaults.size() ? null : parameterDefaults.get(i));
            parameterDefaults = Collections.unmodifiableList(defaults);
        } else {
            parameterDefaults = List.of();
        }
    }

    /** A scalar SQL function whose body is an expression, or a class function (the shape before table functions). */
    public CatalogFunction(String database, String name, List<StructField> parameters, DataType returnType, String body,
                           String className, String comment) {
        this(database, name, parameters, returnType, body, className, comment, null, false, null, false, true, null);
    }

    public boolean isTemporary() { return database == null; }

    public boolean isSql() { return body != null; }

    /** The name a call shows in errors and DESCRIBE: {@code f} when temporary, {@code spark_catalog.db.f} else. */
    public String qualifiedName() { return isTemporary() ? name : Catalog.CATALOG_NAME + "." + database + "." + name; }
}
