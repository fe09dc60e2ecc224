package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
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
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tinyint, smallint and timestamp_ntz in Spark's Parquet layout; intervals refused as Spark refuses them. */
class NewTypesParquetTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id INT, b TINYINT, s SMALLINT NOT NULL, ntz TIMESTAMP_NTZ");
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(SCHEMA, 1, (byte) -128, (short) 32767, LocalDateTime.of(2021, 12, 6, 1, 2, 3, 456_789_000)));
        rows.add(Row.of(SCHEMA, 2, (byte) 127, (short) -32768, LocalDateTime.of(1900, 1, 1, 0, 0)));
        rows.add(Row.of(SCHEMA, 3, null, (short) 0, null));
        return rows;
    }

    @Test void writesSparksLayoutAndReadsItBack() throws IOException {
        Path out = dir.resolve("narrow");
        sluice.createDataFrame(rows(), SCHEMA).write().parquet(out.toString());
        MessageType file = ParquetRoundTripTest.footer(ParquetRoundTripTest.dataFiles(out).get(0)).getFileMetaData().getSchema();
        PrimitiveType b = file.getType("b").asPrimitiveType(), s = file.getType("s").asPrimitiveType(), ntz = file.getType("ntz").asPrimitiveType();
        assertThat(b.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT32);
        assertThat(b.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(8, true));
        assertThat(s.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(16, true));
        assertThat(s.getRepetition()).isEqualTo(org.apache.parquet.schema.Type.Repetition.REQUIRED);
        assertThat(ntz.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
        assertThat(ntz.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));

        var df = sluice.read().parquet(out.toString());
        assertThat(df.schema().simpleString()).isEqualTo("struct<id:int,b:tinyint,s:smallint,ntz:timestamp_ntz>");
        List<Row> back = new ArrayList<>(df.collect());
        back.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        assertThat(back).extracting(Row::toString).containsExactlyElementsOf(rows().stream().map(Row::toString).toList());
    }

    @Test void narrowColumnsWidenOnReadButNeverNarrow() {
        Path out = dir.resolve("widen");
        sluice.createDataFrame(rows(), SCHEMA).write().parquet(out.toString());
        List<Row> wide = sluice.read().schema("id INT, b BIGINT, s INT, ntz TIMESTAMP").parquet(out.toString()).collect();
        assertThat(wide).extracting(r -> r.get(1)).contains(-128L, 127L);
        assertThatThrownBy(() -> sluice.read().schema("id TINYINT").parquet(out.toString()).collect())
                .isInstanceOf(SluiceException.class);
    }

    @Test void refusesToWriteIntervalsAsSparkDoes() {
        StructType schema = StructType.of(dev.sluice.types.StructField.of("dt", DataTypes.DAY_TIME_INTERVAL));
        assertThatThrownBy(() -> sluice.createDataFrame(List.of(Row.of(schema, Duration.ofDays(1))), schema)
                .write().parquet(dir.resolve("interval").toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }
}
