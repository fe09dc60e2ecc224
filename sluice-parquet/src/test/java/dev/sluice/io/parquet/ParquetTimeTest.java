package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TIME in Spark 4.1's Parquet layout: INT64 TIME(MICROS) not adjusted to UTC for every precision, read back as
 * time(6); and a file Spark 4.1.1 wrote ({@code spark/time.snappy.parquet}: {@code TIME '12:34:56.123456'} and
 * {@code CAST('01:02:03.5' AS TIME(3))}, then a row of NULLs).
 */
class ParquetTimeTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id INT, t TIME, t3 TIME(3)");
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    @Test void writesTimeMicrosAndReadsItBack() throws IOException {
        List<Row> rows = List.of(
                Row.of(SCHEMA, 1, LocalTime.of(12, 34, 56, 123_456_000), LocalTime.of(1, 2, 3, 500_000_000)),
                Row.of(SCHEMA, 2, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_000_000)),
                Row.of(SCHEMA, 3, null, null));
        Path out = dir.resolve("time");
        sluice.createDataFrame(rows, SCHEMA).write().parquet(out.toString());
        MessageType file = ParquetRoundTripTest.footer(ParquetRoundTripTest.dataFiles(out).get(0)).getFileMetaData().getSchema();
        for (String column : List.of("t", "t3")) {
            PrimitiveType p = file.getType(column).asPrimitiveType();
            assertThat(p.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
            assertThat(p.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
        var df = sluice.read().parquet(out.toString());
        assertThat(df.schema().simpleString()).isEqualTo("struct<id:int,t:time(6),t3:time(6)>");
        List<Row> back = new ArrayList<>(df.collect());
        back.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        assertThat(back).extracting(r -> r.get(1)).containsExactly(LocalTime.of(12, 34, 56, 123_456_000), LocalTime.MIDNIGHT, null);
        assertThat(back).extracting(r -> r.get(2)).containsExactly(LocalTime.of(1, 2, 3, 500_000_000), LocalTime.of(23, 59, 59, 999_000_000), null);
        // a schema may ask for another precision: the values are the file's
        assertThat(sluice.read().schema("id INT, t TIME(3), t3 TIME(3)").parquet(out.toString()).filter("id = 1").collect().get(0).get(1))
                .isEqualTo(LocalTime.of(12, 34, 56, 123_456_000));
    }

    @Test void readsTheFileSparkWrote() {
        var df = sluice.read().parquet(SparkWrittenFilesTest.resource("time.snappy.parquet"));
        assertThat(df.schema().simpleString()).isEqualTo("struct<t6:time(6),t3:time(6)>");
        List<Row> rows = df.collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactlyInAnyOrder(LocalTime.of(12, 34, 56, 123_456_000), null);
        assertThat(rows).extracting(r -> r.get(1)).containsExactlyInAnyOrder(LocalTime.of(1, 2, 3, 500_000_000), null);
    }
}
