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

    /**
     * A call with a table argument ({@code FROM f(TABLE(t) PARTITION BY k, 1)}): it stands among {@code arguments} as
     * a null at its position, or in {@code namedArguments} as a null under its name. A function that takes no tables
     * refuses it.
     */
    default DataFrame call(List<Column> arguments, Map<String, Column> namedArguments, TableArgument table) {
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "a table argument (TABLE(...)) of this table function")
                .with("reason", "it takes values only").build();
    }
}
