package dev.sluice.io.parquet;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetRoundTripTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> r.get(0) == null ? null : ((Number) r.get(0)).longValue(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    static List<Path> dataFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
    }

    static ParquetMetadata footer(Path file) throws IOException {
        return Footers.read(dev.sluice.io.LocalStorage.INSTANCE,
                new dev.sluice.io.FileStatus(file.toString(), Files.size(file), 0, false));
    }

    @ParameterizedTest
    @CsvSource({"snappy, snappy.parquet, SNAPPY", "zstd, zstd.parquet, ZSTD", "gzip, gz.parquet, GZIP",
            "none, parquet, UNCOMPRESSED", "uncompressed, parquet, UNCOMPRESSED"})
    void roundTripsEveryTypeWithEachCodec(String codec, String extension, String codecName) throws IOException {
        List<Row> rows = AllTypes.rows(40);
        Path out = dir.resolve("rt-" + codec);
        sluice.createDataFrame(rows, AllTypes.SCHEMA).write().option("compression", codec).parquet(out.toString());

        List<Path> files = dataFiles(out);
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith("." + extension));
        assertThat(footer(files.get(0)).getBlocks().get(0).getColumns().get(0).getCodec())
                .isEqualTo(CompressionCodecName.valueOf(codecName));

        DataFrame back = sluice.read().parquet(out.toString());
        assertThat(back.schema()).isEqualTo(AllTypes.SCHEMA);
        assertThat(sorted(back.collect())).isEqualTo(sorted(rows));
    }

    @Test void defaultsToSnappyAndInt96TimestampsAsSpark41() throws IOException {
        Path out = dir.resolve("defaults");
        sluice.createDataFrame(AllTypes.rows(10), AllTypes.SCHEMA).write().parquet(out.toString());
        ParquetMetadata footer = footer(dataFiles(out).get(0));
        assertThat(footer.getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
        String schema = footer.getFileMetaData().getSchema().toString();
        assertThat(schema).contains("message spark_schema", "optional int96 ts;", "optional int32 dec5 (DECIMAL(5,2))",
                "optional int64 dec18 (DECIMAL(18,4))", "optional fixed_len_byte_array(16) dec38 (DECIMAL(38,10))",
                "optional binary s (STRING)", "optional binary bin;", "optional int32 dt (DATE)",
                "optional group arr (LIST) {\n    repeated group list {\n      optional int32 element;",
                "optional group m (MAP) {\n    repeated group key_value {\n      required binary key (STRING);\n      optional int32 value;");
    }

    @ParameterizedTest
    @CsvSource({"TIMESTAMP_MICROS, 'optional int64 ts (TIMESTAMP(MICROS,true))', 2024-03-01T12:34:56.123456Z",
            "TIMESTAMP_MILLIS, 'optional int64 ts (TIMESTAMP(MILLIS,true))', 2024-03-01T12:34:56.123Z",
            "INT96, 'optional int96 ts', 2024-03-01T12:34:56.123456Z"})
    void writesTheChosenTimestampType(String type, String parquetType, String expected) throws IOException {
        StructType schema = StructType.fromDDL("id INT, ts TIMESTAMP");
        List<Row> rows = List.of(Row.of(schema, 1, Instant.parse("2024-03-01T12:34:56.123456Z")),
                Row.of(schema, 2, Instant.parse("1500-01-01T00:00:00.000001Z")), Row.of(schema, 3, null));
        Path out = dir.resolve("ts-" + type);
        sluice.createDataFrame(rows, schema).write().option("outputTimestampType", type).parquet(out.toString());
        assertThat(footer(dataFiles(out).get(0)).getFileMetaData().getSchema().toString()).contains(parquetType);
        List<Row> back = sorted(sluice.read().parquet(out.toString()).collect());
        assertThat(back.get(0).get(1)).isEqualTo(Instant.parse(expected));
        assertThat(back.get(1).get(1)).isEqualTo(type.equals("TIMESTAMP_MILLIS")
                ? Instant.parse("1500-01-01T00:00:00Z") : Instant.parse("1500-01-01T00:00:00.000001Z"));
        assertThat(back.get(2).get(1)).isNull();
    }

    @Test void writesNonNullableFieldsAsRequired() throws IOException {
        StructType schema = new StructType(List.of(new StructField("id", dev.sluice.types.DataTypes.INT, false),
                StructField.of("s", dev.sluice.types.DataTypes.STRING)));
        Path out = dir.resolve("required");
        sluice.createDataFrame(List.of(Row.of(schema, 1, null)), schema).write().parquet(out.toString());
        assertThat(footer(dataFiles(out).get(0)).getFileMetaData().getSchema().toString())
                .contains("required int32 id;", "optional binary s (STRING);");
    }

    @Test void rowGroupSizeOptionCutsRowGroups() throws IOException {
        StructType schema = StructType.fromDDL("id INT, s STRING");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) rows.add(Row.of(schema, i, "value-" + i * 7919L));
        Path small = dir.resolve("rg-small");
        Path alias = dir.resolve("rg-alias");
        DataFrame df = sluice.createDataFrame(rows, schema);
        Sluice one = Sluice.builder().parallelism(1).build();
        try (one) {
            DataFrame single = one.createDataFrame(rows, schema);
            single.write().option("parquet.block.size", 32 * 1024).parquet(small.toString());
            single.write().option("rowGroupSize", "32k").parquet(alias.toString());
        }
        int groups = footer(dataFiles(small).get(0)).getBlocks().size();
        assertThat(groups).isGreaterThanOrEqualTo(3);
        assertThat(footer(dataFiles(alias).get(0)).getBlocks()).hasSize(groups);
        assertThat(sorted(sluice.read().parquet(small.toString()).collect())).isEqualTo(sorted(df.collect()));
    }

    @Test void rejectsUnknownCodecsAndBadSizes() {
        DataFrame df = sluice.createDataFrame(AllTypes.rows(2), AllTypes.SCHEMA);
        assertThatThrownBy(() -> df.write().option("compression", "brotli").parquet(dir.resolve("bad1").toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> df.write().option("parquet.block.size", "big").parquet(dir.resolve("bad2").toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void readsWithAGivenSchemaMissingColumnsAsNullAndWidens() throws IOException {
        Path out = dir.resolve("given");
        sluice.createDataFrame(AllTypes.rows(8), AllTypes.SCHEMA).write().parquet(out.toString());
        List<Row> rows = sorted(sluice.read().schema("ID BIGINT, f DOUBLE, extra STRING, st STRUCT<a: BIGINT, zz: INT>")
                .parquet(out.toString()).collect());
        assertThat(rows.get(1).values().subList(0, 3)).containsExactly(1L, 0.25, null);
        assertThat(((Row) rows.get(1).get(3)).values()).containsExactly(1L, null);
        assertThat(rows.get(4).get(3)).isNull();   // the struct itself is null in row 4
    }

    @Test void typeMismatchWithTheFileIsAnError() {
        Path out = dir.resolve("mismatch");
        sluice.createDataFrame(AllTypes.rows(3), AllTypes.SCHEMA).write().parquet(out.toString());
        DataFrame df = sluice.read().schema("s INT").parquet(out.toString());
        assertThatThrownBy(df::collect).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(rootCode(e)).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test void aFileThatIsNotParquetFailsNamingIt() throws IOException {
        Path bad = dir.resolve("bad.parquet");
        Files.writeString(bad, "this is not parquet at all");
        assertThatThrownBy(() -> sluice.read().parquet(bad.toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
                    assertThat(e.fact("path")).isEqualTo(bad.toString());
                });
    }

    @Test void countReadsNoColumns() throws IOException {
        Path out = dir.resolve("count");
        sluice.createDataFrame(AllTypes.rows(100), AllTypes.SCHEMA).write().parquet(out.toString());
        assertThat(sluice.read().parquet(out.toString()).count()).isEqualTo(100);
        assertThat(sluice.read().parquet(out.toString()).filter(col("arr").isNull()).count()).isEqualTo(
                AllTypes.rows(100).stream().filter(r -> r.get(12) == null).count());
    }

    /** The code of the SluiceException, unwrapping a task failure. */
    static ErrorCode rootCode(Throwable t) {
        ErrorCode last = null;
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SluiceException s) last = s.code();
        return last;
    }
}
