package dev.sluice.io.parquet;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested columns built from levels ({@link NestedColumns}) against parquet-java's record assembly (the path
 * Sluice used before, kept as the fallback), and flat columns read a page at a time ({@link PagedColumn}) against
 * the converter-per-value path: random records of every nesting layout, the legacy list and map
 * forms included, with nulls at every level, lists crossing pages, several row groups and batches, data page
 * versions 1 and 2; whole reads, nested projections and schemas with missing fields.
 */
class NestedLevelsTest {
    static final String STANDARD = """
            message m {
              required int32 id;
              optional group arr (LIST) { repeated group list { optional int32 element; } }
              optional group strs (LIST) { repeated group list { optional binary element (STRING); } }
              optional group structs (LIST) { repeated group list { optional group element {
                optional int32 x; optional binary y (STRING);
                optional group inner (LIST) { repeated group list { optional double element; } } } } }
              optional group nested (LIST) { repeated group list { optional group element (LIST) {
                repeated group list { optional int64 element; } } } }
              optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int32 value; } }
              optional group ms (MAP) { repeated group key_value { required int32 key; optional group value {
                optional boolean b; optional group l (LIST) { repeated group list { optional binary element (STRING); } } } } }
              optional group st { optional int32 a; optional group n { optional binary c (STRING); optional double d; required int32 r; }
                optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }
              required group req { optional int32 a; required group inner { optional int64 b; } }
              optional group reqlist (LIST) { repeated group list { required group element { required int32 k; optional int32 v; } } }
            }""";
    /** Spark's legacy forms, Avro's and Thrift's two-level lists, repeated fields outside lists, MAP_KEY_VALUE. */
    static final String LEGACY = """
            message m {
              required int32 id;
              optional group spark2 (LIST) { repeated int32 array; }
              optional group bag (LIST) { repeated group bag { optional int32 array; } }
              optional group avro (LIST) { repeated group array { optional int32 x; optional binary y (UTF8); } }
              optional group avro1 (LIST) { repeated group array { optional int32 x; } }
              optional group thrift (LIST) { repeated group thrift_tuple { optional binary s (UTF8); } }
              optional group thriftp (LIST) { repeated binary thriftp_tuple (UTF8); }
              optional group multi (LIST) { repeated group pair { required int32 a; optional int32 b; } }
              repeated int32 rep;
              repeated group rg { optional int32 x; repeated binary tags (UTF8); }
              optional group mkv (MAP_KEY_VALUE) { repeated group map { required binary key (UTF8); optional int64 value; } }
              optional group keys (MAP) { repeated group key_value { required int32 key; } }
              optional group st { repeated int32 nums; optional group l (LIST) { repeated int32 element; } }
            }""";
    static final String TYPES = """
            message m {
              required int32 id;
              optional group ts (LIST) { repeated group list { optional int96 element; } }
              optional group dec (LIST) { repeated group list { optional group element {
                optional int32 d9 (DECIMAL(9,2)); optional int64 d18 (DECIMAL(18,4));
                optional fixed_len_byte_array(9) d20 (DECIMAL(20,3)); optional binary d30 (DECIMAL(30,5)); } } }
              optional group st { optional float f; optional boolean b; optional int96 t; optional int32 day (DATE);
                optional int64 micros (TIMESTAMP(MICROS,true)); optional int64 millis (TIMESTAMP(MILLIS,true)); optional binary raw; }
              optional group mm (MAP) { repeated group key_value { required binary key (STRING);
                optional group value (MAP) { repeated group key_value { required int32 key; optional float value; } } } }
              optional int32 fi; optional int64 fl; optional double fd; optional boolean fb; optional binary fs (STRING);
              optional binary fbin; required int32 fri; optional int32 fdate (DATE); optional int64 fts (TIMESTAMP(MICROS,true));
              optional fixed_len_byte_array(4) ffix; required binary frs (STRING); optional int32 fsmall (INT_16);
            }""";

    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Stream<Arguments> layouts() {
        List<Arguments> out = new ArrayList<>();
        for (ParquetProperties.WriterVersion v : ParquetProperties.WriterVersion.values()) {
            out.add(Arguments.of("standard", STANDARD, v));
            out.add(Arguments.of("legacy", LEGACY, v));
            out.add(Arguments.of("types", TYPES, v));
        }
        return out.stream();
    }

    static Path write(String name, String layout, ParquetProperties.WriterVersion version, int rows) throws IOException {
        Path file = dir.resolve(name + "-" + version + ".parquet");
        RandomLayoutWriter.write(file, MessageTypeParser.parseMessageType(layout), rows, name.hashCode() * 31L + version.ordinal(),
                version);
        return file;
    }

    /** The rows {@code read} returns through the level builders and through record assembly, which must agree. */
    static List<Row> bothWays(Function<Sluice, DataFrame> read) {
        List<Row> levels = ParquetRoundTripTest.sorted(read.apply(sluice).collect());
        List<Row> assembled;
        ParquetBatchReader.CONVERTERS_ONLY = true;
        try {
            assembled = ParquetRoundTripTest.sorted(read.apply(sluice).collect());
        } finally {
            ParquetBatchReader.CONVERTERS_ONLY = false;
        }
        assertThat(levels).hasSameSizeAs(assembled);
        for (int i = 0; i < levels.size(); i++) assertThat(levels.get(i)).as("row %d", i).isEqualTo(assembled.get(i));
        return levels;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("layouts")
    void everyLayoutReadsAsRecordAssemblyDoes(String name, String layout, ParquetProperties.WriterVersion version) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(layout);
        // the level builders cover the layout: no fallback to record assembly
        new NestedColumns(schema, ParquetTypes.toSluice(schema), "test");
        Path file = write(name, layout, version, 9_000);
        assertThat(ParquetRoundTripTest.footer(file).getBlocks().size()).isGreaterThan(1);
        List<Row> rows = bothWays(s -> s.read().parquet(file.toString()));
        assertThat(rows).hasSize(9_000);
        assertThat(rows.get(8_999).get(0)).isEqualTo(8_999);
    }

    @Test void nestedProjectionsReadAsRecordAssemblyDoes() throws IOException {
        Path file = write("projected", STANDARD, ParquetProperties.WriterVersion.PARQUET_1_0, 5_000);
        bothWays(s -> s.read().parquet(file.toString()).select(col("id"), col("st.n.c"), col("structs"), col("ms")));
        bothWays(s -> s.read().parquet(file.toString()).select(col("id"), col("st.tags"), col("req.inner.b")));
        // a schema with fields the file lacks, at every level, and a struct read without some of its fields
        List<Row> rows = bothWays(s -> s.read()
                .schema("id INT, st STRUCT<zz: INT, n: STRUCT<d: DOUBLE, q: STRING>>, "
                        + "structs ARRAY<STRUCT<y: STRING, missing: INT, inner: ARRAY<DOUBLE>>>, nothere ARRAY<INT>, "
                        + "ms MAP<INT, STRUCT<l: ARRAY<STRING>, gone: BIGINT>>, req STRUCT<inner: STRUCT<b: BIGINT>>")
                .parquet(file.toString()));
        assertThat(rows).extracting(r -> r.get(3)).containsOnlyNulls();
    }

    @Test void legacyProjectionsReadAsRecordAssemblyDoes() throws IOException {
        Path file = write("legacyprojected", LEGACY, ParquetProperties.WriterVersion.PARQUET_2_0, 5_000);
        bothWays(s -> s.read().parquet(file.toString()).select(col("id"), col("rg"), col("st.l"), col("keys"), col("mkv")));
        bothWays(s -> s.read().schema("id INT, avro ARRAY<STRUCT<y: STRING>>, rg ARRAY<STRUCT<tags: ARRAY<STRING>, no: INT>>")
                .parquet(file.toString()));
    }

    /**
     * Known values across the first batch boundary (row 4,096): null lists, empty lists, null elements, null
     * struct fields, and long lists in the rows either side of the boundary.
     */
    @Test void listsOfStructsAcrossABatchBoundaryHaveTheirValues() {
        StructType schema = StructType.fromDDL("id INT, items ARRAY<STRUCT<k: INT, tags: ARRAY<STRING>>>, "
                + "m MAP<STRING, ARRAY<INT>>, s STRUCT<a: STRUCT<b: ARRAY<INT>>>");
        StructType item = StructType.fromDDL("k INT, tags ARRAY<STRING>");
        StructType s = StructType.fromDDL("a STRUCT<b: ARRAY<INT>>");
        StructType a = StructType.fromDDL("b ARRAY<INT>");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int n = i == 4_095 || i == 4_096 ? 3_000 : i % 5;
            List<Row> items = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                items.add(j == 1 ? null : Row.of(item, j == 2 ? null : i + j,
                        j == 3 ? null : j == 4 ? List.of() : Arrays.asList("t" + j, null)));
            }
            java.util.Map<String, List<Integer>> m = new java.util.LinkedHashMap<>();
            if (i % 3 == 0) m.put("x", Arrays.asList(i, null));
            if (i % 4 == 0) m.put("y", null);
            Row sv = switch (i % 4) {
                case 0 -> null;
                case 1 -> Row.of(s, (Object) null);
                case 2 -> Row.of(s, Row.of(a, (Object) null));
                default -> Row.of(s, Row.of(a, List.of(i, i + 1)));
            };
            rows.add(Row.of(schema, i, i % 7 == 0 ? null : i % 7 == 1 ? List.of() : items, i % 6 == 5 ? null : m, sv));
        }
        Path out = dir.resolve("boundary");
        sluice.createDataFrame(rows, schema).write().parquet(out.toString());
        List<Row> read = bothWays(x -> x.read().parquet(out.toString()));
        for (int i = 0; i < rows.size(); i++) assertThat(read.get(i)).as("row %d", i).isEqualTo(rows.get(i));
    }

    /**
     * Page-index pruning with nested columns of variable length: parquet-java keeps only the rows of the pages that
     * can match, skipping whole rows in every leaf; the builders must see exactly the kept rows' levels.
     */
    @Test void pageIndexPruningKeepsNestedRowsWhole() {
        StructType schema = StructType.fromDDL("id INT, tags ARRAY<STRING>, m MAP<STRING, ARRAY<INT>>, "
                + "s STRUCT<a: INT, l: ARRAY<STRUCT<x: INT>>>");
        StructType s = StructType.fromDDL("a INT, l ARRAY<STRUCT<x: INT>>");
        StructType x = StructType.fromDDL("x INT");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            List<String> tags = new ArrayList<>();
            for (int j = 0; j < i % 9; j++) tags.add(j == 2 ? null : "t" + (i + j) % 13);
            java.util.Map<String, List<Integer>> m = new java.util.LinkedHashMap<>();
            for (int j = 0; j < i % 4; j++) m.put("k" + j, j == 1 ? null : List.of(i, j));
            List<Row> l = new ArrayList<>();
            for (int j = 0; j < i % 5; j++) l.add(j == 3 ? null : Row.of(x, j == 1 ? null : i * j));
            rows.add(Row.of(schema, i, i % 11 == 0 ? null : tags, i % 13 == 0 ? null : m,
                    i % 17 == 0 ? null : Row.of(s, i, i % 19 == 0 ? null : l)));
        }
        Path out = dir.resolve("pruned");
        sluice.createDataFrame(rows, schema).write().parquet(out.toString());
        dev.sluice.io.CountingStorage storage = dev.sluice.io.CountingStorage.local();
        try (Sluice counted = Sluice.builder().parallelism(1).storage(storage).build()) {
            storage.reset();
            assertThat(counted.read().parquet(out.toString()).collect()).hasSize(60_000);
            long allBytes = storage.bytesRead();
            storage.reset();
            List<Row> got = ParquetRoundTripTest.sorted(counted.read().parquet(out.toString())
                    .filter(col("id").geq(31_234).and(col("id").lt(31_534))).collect());
            assertThat(storage.bytesRead() * 2).isLessThan(allBytes);
            assertThat(got).isEqualTo(rows.subList(31_234, 31_534));
        }
        bothWays(x2 -> x2.read().parquet(out.toString()).filter(col("id").isin(5, 20_001, 59_999)));
    }
}
