package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static dev.sluice.AggregateTestSupport.schema;
import static dev.sluice.AggregateTestSupport.sorted;
import static dev.sluice.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analyzer's aggregation rules, with the error each mistake gets. Spark 4.1.1's error classes for the same
 * mistakes: MISSING_AGGREGATION, MISSING_GROUP_BY (select(col, sum(col)) and withColumn(sum)),
 * INVALID_WHERE_CONDITION, NESTED_AGGREGATE_FUNCTION, DATATYPE_MISMATCH.*, UNRESOLVED_COLUMN.
 */
class AggregateAnalysisTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, i INT, s STRING, b BOOLEAN, m MAP<INT, INT>, st STRUCT<x: INT>");

    @AfterAll static void close() { SLUICE.close(); }

    private static DataFrame df() {
        return SLUICE.createDataFrame(List.of(Row.of(SCHEMA, "a", 1, "1.5", true, Map.of(1, 2), Row.of((StructType) SCHEMA.field(5).dataType(), 3))), SCHEMA);
    }

    private static void fails(ErrorCode code, Executable build) {
        assertThatThrownBy(build::execute).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test void aColumnNeitherGroupedNorAggregatedIsMissingAggregation() {
        fails(ErrorCode.MISSING_AGGREGATION, () -> df().groupBy("k").agg(col("i")));
        fails(ErrorCode.MISSING_AGGREGATION, () -> df().groupBy("k").agg(col("i").plus(sum("i"))));
        fails(ErrorCode.MISSING_AGGREGATION, () -> df().select(col("i"), sum("i")));
        fails(ErrorCode.MISSING_AGGREGATION, () -> df().withColumn("x", sum("i")));
        fails(ErrorCode.MISSING_AGGREGATION, () -> df().groupBy(col("i").plus(1)).agg(col("i")));
    }

    @Test void groupingColumnsMatchByNameIgnoringCaseOrByExpression() {
        assertThat(schema(df().groupBy("K").agg(col("k"), sum("I")))).containsExactly("K:string", "k:string", "sum(I):bigint");
        assertThat(sorted(df().groupBy(col("st.x")).agg(col("st.x").plus(1), count("*")))).containsExactly("[3,4,1]");
        assertThat(sorted(df().groupBy("k").agg(lit(7), count("*")))).containsExactly("[a,7,1]");
    }

    @Test void aggregatesAreRejectedOutsideAnAggregation() {
        fails(ErrorCode.AGGREGATE_NOT_ALLOWED, () -> df().filter(sum("i").gt(1)));
        fails(ErrorCode.AGGREGATE_NOT_ALLOWED, () -> df().agg(sum(sum("i"))));
        fails(ErrorCode.AGGREGATE_NOT_ALLOWED, () -> df().groupBy(sum("i")).count());
    }

    @Test void inputTypesAreCheckedAsSpark() {
        fails(ErrorCode.TYPE_MISMATCH, () -> df().agg(sum("b")));
        fails(ErrorCode.TYPE_MISMATCH, () -> df().agg(avg("st")));
        fails(ErrorCode.TYPE_MISMATCH, () -> df().agg(min("m")));
        fails(ErrorCode.TYPE_MISMATCH, () -> df().agg(collect_set("m")));
        fails(ErrorCode.COLUMN_NOT_FOUND, () -> df().groupBy("nope").count());
        fails(ErrorCode.COLUMN_NOT_FOUND, () -> df().agg(sum("nope")));
        fails(ErrorCode.UNSUPPORTED_OPERATION, () -> df().groupBy("m").count());
        // strings are cast to double under ANSI (as Spark): "1.5" sums to 1.5
        assertThat(schema(df().agg(sum("s"), avg("s"), stddev(col("s"))))).containsExactly("sum(s):double", "avg(s):double", "stddev(s):double");
        assertThat(sorted(df().agg(sum("s"), avg("s")))).containsExactly("[1.5,1.5]");
    }

    @Test void analyzingAnAnalyzedAggregationChangesNothing() {
        DataFrame agg = df().groupBy(col("i").mod(2).alias("p")).agg(sum("s"), countDistinct("k", "i"), first("k"));
        assertThat(new dev.sluice.plan.Analyzer(true).analyze(agg.logicalPlan())).isEqualTo(agg.logicalPlan());
    }
}
