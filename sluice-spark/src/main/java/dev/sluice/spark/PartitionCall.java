package dev.sluice.spark;

import dev.sluice.ForeachPartitionFunction;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.Iterator;

/**
 * The executor side of {@code foreachPartition} on Spark: Spark's rows of one partition as Sluice rows, handed to
 * the user's function. A failure of the function becomes FAILED_EXECUTE_UDF, which reaches the driver as the cause
 * of Spark's task failure (SparkErrors passes a SluiceException through).
 */
final class PartitionCall {
    private PartitionCall() {}

    static void run(ForeachPartitionFunction function, Iterator<org.apache.spark.sql.Row> rows, String schemaText) {
        StructType schema = (StructType) DdlParser.parseType(schemaText);
        Iterator<Row> converted = new Iterator<>() {
            @Override public boolean hasNext() { return rows.hasNext(); }

            @Override public Row next() { return SparkValues.fromSpark(rows.next(), schema); }
        };
        try {
            function.call(converted);
        } catch (SluiceException e) {
            throw e;
        } catch (Exception e) {
            throw SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", "foreachPartition")
                    .with("reason", String.valueOf(e)).cause(e).build();
        }
    }
}
