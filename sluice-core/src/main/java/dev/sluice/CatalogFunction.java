package dev.sluice;

import dev.sluice.types.DataType;
import dev.sluice.types.StructField;

import java.util.List;

/**
 * A function of the session catalog. Spark 4's SQL function ({@code CREATE FUNCTION f(x INT) RETURNS INT RETURN
 * x + 1}): its parameters, return type and body, an expression in SQL over the parameters, expanded at each call
 * (arguments cast to the parameters' types, the result to the return type). Or a function defined by a JVM class
 * ({@code CREATE FUNCTION f AS 'com.example.MyUdf'}): recorded, as Spark records it without loading the class, and
 * refused when called, since Sluice does not run Hive or Spark UDF classes. {@code database} is null for a
 * temporary function.
 */
public record CatalogFunction(String database, String name, List<StructField> parameters, DataType returnType, String body,
                              String className, String comment) {
    public CatalogFunction {
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    public boolean isTemporary() { return database == null; }

    public boolean isSql() { return body != null; }
}
