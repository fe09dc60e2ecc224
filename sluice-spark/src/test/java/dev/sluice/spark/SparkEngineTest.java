package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.functions;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.plan.Scan;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkEngineTest {
    static SparkSession spark;
    static final StructType SCHEMA = DdlParser.parseSchema("id INT, s STRING");

    @BeforeAll static void start() { spark = SharedSpark.get(); }

    static DataFrame frame(Sluice sluice) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add(Row.of(SCHEMA, i, "r" + i));
        return sluice.createDataFrame(rows, SCHEMA);
    }

    @Test void everyResolvedExpressionHasATranslation() {
        Set<Class<?>> all = new HashSet<>(Arrays.asList(Expression.class.getPermittedSubclasses()));
        // forms an analyzed plan never holds: names before the analyzer, positions after physical planning, outer
        // references (a lateral join rewrites them before its plan is analyzed)
        all.removeAll(Set.of(UnresolvedColumn.class, UnresolvedStar.class, BoundColumn.class, dev.sluice.expr.PlanColumn.class,
                dev.sluice.expr.OuterReference.class));
        assertThat(new HashSet<Class<?>>(ExpressionTranslator.HANDLED)).isEqualTo(all);
    }

    @Test void higherOrderFunctionsGiveTheEmbeddedEnginesValuesOnSpark() {
        String[] exprs = {"transform(xs, x -> x * id)", "transform(xs, (x, i) -> x + i)", "filter(xs, x -> x % 2 = 0)",
                "exists(xs, x -> x > 2)", "forall(xs, x -> x > 0)", "aggregate(xs, 0L, (acc, x) -> acc + x, acc -> acc * 10)",
                "zip_with(xs, xs, (a, b) -> a * b)", "transform_values(map_from_arrays(xs, xs), (k, v) -> k + v)",
                "array_sort(xs, (a, b) -> b - a)"};
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            Sluice onSpark = SparkEngine.of(spark);
            List<Row> expected = frame(embedded).withColumn("xs", functions.expr("sequence(1, id % 4 + 1)")).selectExpr(exprs).collect();
            List<Row> actual = frame(onSpark).withColumn("xs", functions.expr("sequence(1, id % 4 + 1)")).selectExpr(exprs).collect();
            assertThat(actual).hasSize(10).isEqualTo(expected);
        }
    }

    @Test void actionsRunOnSpark() {
        Sluice sluice = SparkEngine.of(spark);
        assertThat(sluice.engine().name()).isEqualTo("spark");
        DataFrame df = frame(sluice).filter(col("id").geq(5)).select(col("s"));
        assertThat(df.count()).isEqualTo(5);
        assertThat(df.take(2)).hasSize(2);
        List<String> streamed = new ArrayList<>();
        try (CloseableIterator<Row> it = df.toLocalIterator()) {
            while (it.hasNext()) streamed.add(it.next().getString(0));
        }
        assertThat(streamed).containsExactlyInAnyOrder("r5", "r6", "r7", "r8", "r9");
    }

    @Test void explainShowsSparksPlan() {
        DataFrame df = frame(SparkEngine.of(spark)).filter(col("id").gt(1));
        assertThat(df.explainString("simple")).contains("== Spark Plan ==").contains("Physical Plan");
        assertThat(df.explainString("extended")).contains("Filter: (id > 1)");
    }

    @Test void sparksAnsiSettingFollowsTheSluiceSession() {
        Sluice legacy = SparkEngine.of(spark, Sluice.builder().ansi(false));
        Row r = frame(legacy).select(col("s").cast("int"), col("id").divide(0)).head();
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isNull();
        assertThatThrownBy(() -> frame(SparkEngine.of(spark)).select(col("s").cast("int")).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT));
    }

    @Test void aSourceWithoutSparkTranslationIsUnsupported() {
        DataSource custom = new DataSource() {
            @Override public String formatName() { return "custom"; }
            @Override public String description() { return "custom"; }
            @Override public StructType schema() { return SCHEMA; }
            @Override public List<Split> splits() { return List.of(); }
            @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
                throw new AssertionError("the Spark engine never opens a source it cannot translate");
            }
        };
        Sluice sluice = SparkEngine.of(spark);
        DataFrame df = frame(sluice);
        assertThatThrownBy(() -> sluice.engine().count(Scan.of(custom)))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThat(df.count()).isEqualTo(10);
    }

    @Test void sparkErrorsMapByCondition() {
        Sluice sluice = SparkEngine.of(spark);
        assertThatThrownBy(() -> sluice.read().schema("a INT").json("/no/such/dir/x.jsonl").collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        assertThatThrownBy(() -> frame(sluice).select(col("id").plus(Integer.MAX_VALUE)).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW));
    }
}
