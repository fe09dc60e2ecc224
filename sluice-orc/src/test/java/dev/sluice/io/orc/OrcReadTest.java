package dev.sluice.io.orc;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.md5;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading ORC: a large file split by stripes, and mergeSchema. */
class OrcReadTest {
    @TempDir Path dir;

    /**
     * One file of many small stripes read with 64 KiB splits: several splits, each stripe read once (the rows and a
     * sum are exact) and the same result at 1 and 7 workers; pushed filters still skip stripes within a split.
     */
    @Test void largeFileIsSplitByStripes() {
        String out = dir.resolve("striped").toString();
        try (Sluice writer = Sluice.builder().parallelism(1).build()) {
            writer.range(200_000).select(col("id"), md5(col("id").cast("string")).as("h")).repartition(1)
                    .write().option("orc.stripe.size", "131072").option("compression", "none").format("orc").save(out);
        }
        for (int workers : new int[] {1, 7}) {
            try (Sluice sluice = Sluice.builder().parallelism(workers).maxSplitBytes(64 << 10).build()) {
                DataFrame df = sluice.read().format("orc").load(out);
                assertThat(df.inputFiles()).hasSize(1);
                assertThat(OrcSourceSplits.count(df)).isGreaterThan(10);
                assertThat(df.count()).isEqualTo(200_000);
                assertThat(df.agg(sum(col("id"))).collect().get(0).get(0)).isEqualTo(199_999L * 200_000 / 2);
                assertThat(df.filter(col("id").equalTo(123_456)).select(col("h")).collect()).hasSize(1);
                assertThat(df.select(col("id")).distinct().count()).isEqualTo(200_000);
            }
        }
    }

    @Test void mergeSchemaUnitesTheFilesSchemas() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            StructType a = DdlParser.parseSchema("id BIGINT, name STRING, s STRUCT<x: INT>");
            StructType b = DdlParser.parseSchema("ID BIGINT, extra DOUBLE, s STRUCT<y: STRING, x: INT>");
            sluice.createDataFrame(List.of(new Row(a, new Object[] {1L, "one", new Row((StructType) a.field(2).dataType(), new Object[] {10})})), a)
                    .write().format("orc").save(dir.resolve("t/part=1").toString());
            sluice.createDataFrame(List.of(new Row(b, new Object[] {2L, 2.5, new Row((StructType) b.field(2).dataType(), new Object[] {"why", 20})})), b)
                    .write().format("orc").save(dir.resolve("t/part=2").toString());
            DataFrame merged = sluice.read().option("mergeSchema", "true").format("orc").load(dir.resolve("t").toString());
            assertThat(merged.schema().simpleString()).isEqualTo("struct<id:bigint,name:string,s:struct<x:int,y:string>,extra:double,part:int>");
            assertThat(merged.orderBy(col("id")).collect()).extracting(Row::toString)
                    .containsExactly("[1,one,[10,null],null,1]", "[2,null,[20,why],2.5,2]");
            // without it, the first file's schema (Spark's default)
            DataFrame first = sluice.read().format("orc").load(dir.resolve("t").toString());
            assertThat(first.schema().simpleString()).isEqualTo("struct<id:bigint,name:string,s:struct<x:int>,part:int>");
        }
    }

    @Test void mergeSchemaRefusesIncompatibleTypesAsSpark() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            sluice.range(3).write().format("orc").save(dir.resolve("u/a").toString());
            sluice.range(3).select(col("id").cast("int").as("id")).write().format("orc").save(dir.resolve("u/b").toString());
            assertThat(OrcFormatTest.code(() -> sluice.read().options(Map.of("mergeSchema", "true")).format("orc")
                    .load(dir.resolve("u/a").toString(), dir.resolve("u/b").toString()).collect()))
                    .isEqualTo(ErrorCode.CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE);
            assertThat(OrcFormatTest.code(() -> sluice.read().option("mergeSchema", "yes").format("orc").load(dir.resolve("u/a").toString())))
                    .isEqualTo(ErrorCode.INVALID_OPTION);
        }
    }
}
