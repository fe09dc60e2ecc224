package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.sluice.functions.broadcast;
import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The join cases run on real Spark 4.1.1 (scratch program oracle.JoinOracle, results recorded here): output
 * columns (names, types, nullability) and rows, for USING and condition joins of every type.
 * df1 = (id INT, v STRING) rows (1,a) (2,b) (null,n) (2,b2); df2 = (id BIGINT, w STRING) rows (2,x) (3,y) (null,m).
 */
class JoinSparkCasesTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).batchSize(2).shufflePartitions(3).build();
    private static final StructType L = StructType.fromDDL("id INT, v STRING");
    private static final StructType R = StructType.fromDDL("id BIGINT, w STRING");

    @AfterAll static void close() { SLUICE.close(); }

    static DataFrame df1(Sluice s) {
        return s.createDataFrame(List.of(Row.of(L, 1, "a"), Row.of(L, 2, "b"), Row.of(L, null, "n"), Row.of(L, 2, "b2")), L);
    }

    static DataFrame df2(Sluice s) {
        return s.createDataFrame(List.of(Row.of(R, 2L, "x"), Row.of(R, 3L, "y"), Row.of(R, null, "m")), R);
    }

    /** Spark's rendering for comparison: "name:type?" per column ('!' when not nullable). */
    static String schema(DataFrame df) {
        List<String> parts = new ArrayList<>();
        for (StructField f : df.schema().fields()) parts.add(f.name() + ":" + f.dataType().simpleString() + (f.nullable() ? "?" : "!"));
        return String.join(" ", parts);
    }

    /** Sorted rows as Spark's Row.toString prints them. */
    static String rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) {
            List<String> values = new ArrayList<>();
            for (Object v : r.values()) values.add(String.valueOf(v));
            out.add("[" + String.join(",", values) + "]");
        }
        Collections.sort(out);
        return String.join(" ", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "inner | id:int? v:string? w:string? | [2,b,x] [2,b2,x]",
            "left  | id:int? v:string? w:string? | [1,a,null] [2,b,x] [2,b2,x] [null,n,null]",
            "right | id:bigint? v:string? w:string? | [2,b,x] [2,b2,x] [3,null,y] [null,null,m]",
            "full  | id:bigint? v:string? w:string? | [1,a,null] [2,b,x] [2,b2,x] [3,null,y] [null,n,null] [null,null,m]",
            "semi  | id:int? v:string? | [2,b2] [2,b]",
            "anti  | id:int? v:string? | [1,a] [null,n]",
            "cross | id:int? v:string? w:string? | [2,b,x] [2,b2,x]"})
    void usingJoinsHaveSparksColumnsAndRows(String type, String schema, String rows) {
        DataFrame df = df1(SLUICE).join(df2(SLUICE), List.of("id"), type);
        assertThat(schema(df)).isEqualTo(schema.trim());
        assertThat(rows(df)).isEqualTo(sorted(rows));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "inner | id:int? v:string? id:bigint? w:string? | [2,b,2,x] [2,b2,2,x]",
            "left_outer | id:int? v:string? id:bigint? w:string? | [1,a,null,null] [2,b,2,x] [2,b2,2,x] [null,n,null,null]",
            "rightouter | id:int? v:string? id:bigint? w:string? | [2,b,2,x] [2,b2,2,x] [null,null,3,y] [null,null,null,m]",
            "outer | id:int? v:string? id:bigint? w:string? | [1,a,null,null] [2,b,2,x] [2,b2,2,x] [null,n,null,null] [null,null,3,y] [null,null,null,m]",
            "left_semi | id:int? v:string? | [2,b2] [2,b]",
            "leftanti | id:int? v:string? | [1,a] [null,n]",
            "cross | id:int? v:string? id:bigint? w:string? | [2,b,2,x] [2,b2,2,x]"})
    void conditionJoinsKeepEveryColumn(String type, String schema, String rows) {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame df = a.join(b, a.col("id").equalTo(b.col("id")), type);
        assertThat(schema(df)).isEqualTo(schema.trim());
        assertThat(rows(df)).isEqualTo(sorted(rows));
    }

    @Test void usingKeepsEachSidesSpelling() {
        StructType r2 = StructType.fromDDL("ID BIGINT, w STRING");
        DataFrame b = SLUICE.createDataFrame(List.of(Row.of(r2, 2L, "x")), r2);
        assertThat(schema(df1(SLUICE).join(b, List.of("Id"), "inner"))).isEqualTo("id:int? v:string? w:string?");
        assertThat(schema(df1(SLUICE).join(b, List.of("Id"), "right"))).isEqualTo("ID:bigint? v:string? w:string?");
        assertThat(schema(df1(SLUICE).join(b, List.of("Id"), "full"))).isEqualTo("id:bigint? v:string? w:string?");
        assertThat(rows(df1(SLUICE).join(b, List.of("Id"), "full"))).isEqualTo("[1,a,null] [2,b,x] [2,b2,x] [null,n,null]");
    }

    @Test void stringAndIntKeysAreComparedAsSparkDoes() {
        DataFrame b = df2(SLUICE).withColumn("id", col("id").cast("string"));
        DataFrame df = df1(SLUICE).join(b, "id");
        assertThat(schema(df)).isEqualTo("id:int? v:string? w:string?");
        assertThat(rows(df)).isEqualTo("[2,b,x] [2,b2,x]");
    }

    @Test void eqNullSafeMatchesNulls() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        assertThat(rows(a.join(b, a.col("id").eqNullSafe(b.col("id"))))).isEqualTo("[2,b,2,x] [2,b2,2,x] [null,n,null,m]");
    }

    @Test void joinWithoutConditionAndCrossJoinPairEveryRow() {
        assertThat(df1(SLUICE).join(df2(SLUICE)).count()).isEqualTo(12);
        assertThat(rows(df1(SLUICE).crossJoin(df2(SLUICE)))).startsWith("[1,a,2,x] [1,a,3,y] [1,a,null,m] [2,b,2,x]");
    }

    @Test void anUnqualifiedClashingNameIsAmbiguous() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame joined = a.join(b, a.col("id").equalTo(b.col("id")));
        assertCode(() -> joined.select("id"), ErrorCode.AMBIGUOUS_COLUMN);
        assertCode(() -> a.join(b, col("id").equalTo(lit(1))), ErrorCode.AMBIGUOUS_COLUMN);
    }

    @Test void aDataFramesColumnPicksItsSide() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame df = a.join(b, a.col("id").equalTo(b.col("id"))).select(b.col("id"), col("v"));
        assertThat(schema(df)).isEqualTo("id:bigint? v:string?");
        assertThat(rows(df)).isEqualTo("[2,b2] [2,b]");
    }

    @Test void dropByNameDropsEveryMatchAndDropByColumnOnlyThatOne() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame full = a.join(b, a.col("id").equalTo(b.col("id")), "full");
        assertThat(schema(full.drop("id"))).isEqualTo("v:string? w:string?");
        assertThat(rows(full.drop("id"))).isEqualTo("[a,null] [b,x] [b2,x] [n,null] [null,m] [null,y]");
        assertThat(schema(full.drop(b.col("id")))).isEqualTo("id:int? v:string? w:string?");
        assertThat(rows(full.drop(b.col("id")))).isEqualTo("[1,a,null] [2,b,x] [2,b2,x] [null,n,null] [null,null,m] [null,null,y]");
    }

    @Test void nonEquiAndResidualConditions() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        assertThat(rows(a.join(b, a.col("id").lt(b.col("id")), "left")))
                .isEqualTo("[1,a,2,x] [1,a,3,y] [2,b,3,y] [2,b2,3,y] [null,n,null,null]");
        assertThat(rows(a.join(b, a.col("id").equalTo(b.col("id")).and(col("w").equalTo("zz")), "full")))
                .isEqualTo(sorted("[1,a,null,null] [2,b,null,null] [2,b2,null,null] [null,n,null,null] [null,null,2,x] [null,null,3,y] [null,null,null,m]"));
        assertThat(rows(a.join(b, a.col("id").equalTo(b.col("id")).and(a.col("v").equalTo("b")), "left")))
                .isEqualTo("[1,a,null,null] [2,b,2,x] [2,b2,null,null] [null,n,null,null]");
    }

    @Test void aliasesQualifyColumnsAndSelfJoinsWork() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame q = a.alias("a").join(b.alias("b"), col("a.id").equalTo(col("b.id"))).select(col("a.id"), col("b.w"));
        assertThat(schema(q)).isEqualTo("id:int? w:string?");
        assertThat(rows(q)).isEqualTo("[2,x] [2,x]");
        String selfRows = "[1,a,1,a] [2,b,2,b2] [2,b,2,b] [2,b2,2,b2] [2,b2,2,b]";
        assertThat(rows(a.alias("x").join(a.alias("y"), col("x.id").equalTo(col("y.id"))))).isEqualTo(sorted(selfRows));
        assertThat(rows(a.join(a, a.col("id").equalTo(a.col("id"))))).isEqualTo(sorted(selfRows));
        assertThat(schema(a.join(a, "id"))).isEqualTo("id:int? v:string? v:string?");
        assertThat(rows(a.join(a, "id"))).isEqualTo(sorted("[1,a,a] [2,b,b2] [2,b,b] [2,b2,b2] [2,b2,b]"));
    }

    @Test void broadcastHintGivesTheSameRows() {
        DataFrame a = df1(SLUICE);
        DataFrame b = df2(SLUICE);
        DataFrame bb = broadcast(b);
        assertThat(rows(a.join(bb, a.col("id").equalTo(bb.col("id"))))).isEqualTo("[2,b,2,x] [2,b2,2,x]");
        assertThat(rows(a.join(broadcast(b), a.col("id").equalTo(b.col("id"))))).isEqualTo("[2,b,2,x] [2,b2,2,x]");
    }

    @Test void unknownUsingColumnAndJoinType() {
        assertCode(() -> df1(SLUICE).join(df2(SLUICE), "nope"), ErrorCode.COLUMN_NOT_FOUND);
        assertCode(() -> df1(SLUICE).join(df2(SLUICE), List.of("id"), "sideways"), ErrorCode.INVALID_ARGUMENT);
    }

    static String sorted(String rows) {
        List<String> parts = new ArrayList<>(Arrays.asList(rows.trim().split(" (?=\\[)")));
        Collections.sort(parts);
        return String.join(" ", parts);
    }

    static void assertCode(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
