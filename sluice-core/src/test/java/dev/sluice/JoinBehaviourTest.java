package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.sluice.JoinSparkCasesTest.assertCode;
import static dev.sluice.JoinSparkCasesTest.df1;
import static dev.sluice.JoinSparkCasesTest.df2;
import static dev.sluice.JoinSparkCasesTest.rows;
import static dev.sluice.JoinSparkCasesTest.schema;
import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class JoinBehaviourTest {
    @TempDir Path dir;

    @Test void aBuildSideOverTheMemoryBudgetSpillsWhetherBroadcastOrShuffled() {
        StructType s = StructType.fromDDL("k INT, pad STRING");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) rows.add(Row.of(s, i, "x".repeat(100)));
        for (long threshold : new long[] {Long.MAX_VALUE, 0}) {
            for (String type : new String[] {"inner", "left_outer", "left_semi", "left_anti"}) {
                // 40 KiB: a broadcast inner join builds on the 2,000 keys of `a` alone (its key column is not copied
                // twice), which needs about 48 KiB
                try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(40 * 1024).broadcastThreshold(threshold).build()) {
                    DataFrame a = sluice.createDataFrame(rows, s);
                    DataFrame b = sluice.createDataFrame(rows, s).filter(col("k").lt(1500));
                    // the build side carries its 100-byte pads (a count alone would prune them and fit the budget)
                    DataFrame joined = a.join(b, a.col("k").equalTo(b.col("k")), type);
                    List<Row> out = type.startsWith("left_") && !type.equals("left_outer") ? joined.collect()
                            : joined.select(a.col("k"), b.col("pad")).collect();
                    assertThat(out).hasSize(type.equals("left_anti") ? 500 : type.equals("inner") || type.equals("left_semi") ? 1500 : 2000);
                    var pool = ((EmbeddedEngine) sluice.engine()).memoryPool();
                    // a semi or anti join's build side is its keys only: it fits
                    if (!type.startsWith("left_s") && !type.startsWith("left_a")) assertThat(pool.spills().bytesWritten()).as(type + " " + threshold).isPositive();
                    assertThat(pool.used()).isZero();
                    assertThat(pool.spills().liveFiles()).isZero();
                }
            }
        }
    }

    @Test void buildTablesGiveTheirMemoryBack() {
        for (long threshold : new long[] {0, Long.MAX_VALUE}) {
            try (Sluice sluice = Sluice.builder().parallelism(3).batchSize(2).broadcastThreshold(threshold).build()) {
                DataFrame a = df1(sluice);
                DataFrame b = df2(sluice);
                assertThat(a.join(b, a.col("id").equalTo(b.col("id")), "full").collect()).hasSize(6);
                assertThat(a.intersectAll(b.select(col("id").cast("int"), col("w"))).count()).isZero();
                assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().used()).isZero();
                assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().peak()).isPositive();
            }
        }
    }

    @Test void writtenFilesCarryTheNamesTheUserSees() throws IOException {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame a = df1(sluice);
            DataFrame b = df2(sluice);
            Path out = dir.resolve("out");
            a.join(b, a.col("id").equalTo(b.col("id"))).select(a.col("v"), b.col("id")).write().json(out.toString());
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) lines.addAll(Files.readAllLines(f));
            }
            assertThat(lines).containsExactlyInAnyOrder("{\"v\":\"b\",\"id\":2}", "{\"v\":\"b2\",\"id\":2}");
        }
    }

    @Test void threeWayJoinWithTheSameColumnNameEverywhere() {
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(2).build()) {
            DataFrame a = df1(sluice);
            DataFrame b = df2(sluice);
            StructType cs = StructType.fromDDL("id INT, z STRING");
            DataFrame c = sluice.createDataFrame(List.of(Row.of(cs, 2, "q"), Row.of(cs, 1, "r")), cs);
            DataFrame ab = a.join(b, a.col("id").equalTo(b.col("id")), "left");
            DataFrame abc = ab.join(c, a.col("id").equalTo(c.col("id")));
            assertThat(schema(abc)).isEqualTo("id:int? v:string? id:bigint? w:string? id:int? z:string?");
            assertThat(rows(abc)).isEqualTo("[1,a,null,null,1,r] [2,b,2,x,2,q] [2,b2,2,x,2,q]");
            assertThat(rows(abc.select(c.col("id"), b.col("id"), col("z")))).isEqualTo("[1,null,r] [2,2,q] [2,2,q]");
            assertCode(() -> ab.join(c, List.of("id"), "anti"), ErrorCode.AMBIGUOUS_COLUMN);
            DataFrame c2 = c.withColumnRenamed("z", "w");
            assertThat(rows(ab.join(c2, List.of("w"), "anti").select("v"))).isEqualTo("[a] [b2] [b] [n]");
        }
    }

    @Test void otherOperatorsTakeADataFramesColumnAfterAJoin() {
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(2).build()) {
            DataFrame a = df1(sluice);
            DataFrame b = df2(sluice);
            DataFrame full = a.join(b, a.col("id").equalTo(b.col("id")), "full");
            DataFrame grouped = full.groupBy(b.col("id")).count();
            assertThat(schema(grouped)).isEqualTo("id:bigint? count:bigint!");
            assertThat(rows(grouped)).isEqualTo("[2,2] [3,1] [null,3]");
            List<Object> ordered = new ArrayList<>();
            for (Row r : full.orderBy(a.col("v")).select(a.col("v")).collect()) ordered.add(r.get(0));
            assertThat(ordered).containsExactly(null, null, "a", "b", "b2", "n");
            assertThat(rows(full.select(a.col("id")).union(full.select(b.col("id")).select(col("id").cast("int"))).distinct()))
                    .isEqualTo("[1] [2] [3] [null]");
        }
    }

    @Test void aColumnOfAnUnrelatedDataFrameIsNotFound() {
        try (Sluice sluice = Sluice.builder().build()) {
            DataFrame a = df1(sluice);
            DataFrame b = df2(sluice);
            assertCode(() -> a.select(b.col("w")), ErrorCode.COLUMN_NOT_FOUND);
            assertCode(() -> a.select(a.col("nope")), ErrorCode.COLUMN_NOT_FOUND);
            assertCode(() -> a.join(b, a.col("id").equalTo(b.col("id"))).select(col("x.id")), ErrorCode.COLUMN_NOT_FOUND);
        }
    }

    @Test void floatingPointKeysMatchAsSparkDoes() {
        // Spark 4.1.1: NaN = NaN and -0.0 = 0.0 in join keys; USING keeps the left's value (-0.0)
        StructType l = StructType.fromDDL("d DOUBLE, a INT");
        StructType r = StructType.fromDDL("d DOUBLE, b STRING");
        try (Sluice sluice = Sluice.builder().parallelism(2).broadcastThreshold(0).build()) {
            DataFrame x = sluice.createDataFrame(List.of(Row.of(l, Double.NaN, 1), Row.of(l, -0.0, 2), Row.of(l, 0.0, 3)), l);
            DataFrame y = sluice.createDataFrame(List.of(Row.of(r, Double.NaN, "n"), Row.of(r, 0.0, "z")), r);
            assertThat(rows(x.join(y, "d"))).isEqualTo("[-0.0,2,z] [0.0,3,z] [NaN,1,n]");
        }
    }

    @Test void aJoinTypeThatNeedsAConditionRefusesNone() {
        try (Sluice sluice = Sluice.builder().build()) {
            assertCode(() -> Joins.join(df1(sluice), df2(sluice), null, dev.sluice.plan.JoinType.LEFT_OUTER), ErrorCode.INVALID_ARGUMENT);
        }
    }
}
