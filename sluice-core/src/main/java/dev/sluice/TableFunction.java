package dev.sluice;

import java.util.List;
import java.util.Map;

/**
 * A session's user-defined table function ({@code sluice.udf().registerTableFunction}, Spark's
 * {@code spark.udtf.register}): called from SQL's FROM clause ({@code SELECT * FROM f(1, x => 'a')}), it gives the
 * relation for these arguments. Arguments are the call's expressions, unevaluated; named ones keep their names.
 */
@FunctionalInterface
public interface TableFunction {
    DataFrame call(List<Column> arguments, Map<String, Column> namedArguments);
}
