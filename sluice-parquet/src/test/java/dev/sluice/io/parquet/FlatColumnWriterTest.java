package dev.sluice.io.parquet;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sluice's flat column writers ({@link FlatRowGroupWriter}) against parquet-java's record writer on the same
 * batches: with one row group the two files must be the same bytes (pages cut at the same rows, the same
 * dictionary / plain choices, fallbacks at the same value, the same statistics, indexes and footer). The values
 * are drawn so that dictionaries stay small, fill past 1 MiB in a later page, or never pay on the first page;
 * doubles include NaN and signed zeros; columns are nullable or not, with few or many nulls.
 */
class FlatColumnWriterTest {
    @TempDir Path dir;

    enum Profile { CONSTANT, LOW, MEDIUM, UNIQUE, LATE_UNIQUE }

    private static final DataType[] TYPES = {DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.STRING,
            DataTypes.BINARY, DataTypes.DATE, DataTypes.SHORT, DataTypes.BYTE, DataTypes.TIMESTAMP, DataTypes.TIMESTAMP_NTZ};
    private static final ParquetWriteOptions.TimestampType MICROS = ParquetWriteOptions.TimestampType.TIMESTAMP_MICROS;

    static IntStream seeds() { return IntStream.range(0, 24); }

    @ParameterizedTest @MethodSource("seeds")
    void writesTheBytesOfParquetJavasRecordWriter(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int fields = 1 + random.nextInt(6);
        List<StructField> schemaFields = new ArrayList<>();
        Profile[] profiles = new Profile[fields];
        int[] nullOdds = new int[fields];
        for (int i = 0; i < fields; i++) {
            boolean nullable = random.nextBoolean();
            schemaFields.add(new StructField("c" + i, TYPES[random.nextInt(TYPES.length)], nullable));
            profiles[i] = Profile.values()[random.nextInt(Profile.values().length)];
            nullOdds[i] = !nullable ? 0 : new int[] {0, 2, 10, 1000}[random.nextInt(4)];
        }
        StructType schema = new StructType(schemaFields);
        int rows = 1 + random.nextInt(90_000);
        int padding = random.nextInt(4) == 0 ? 120 : random.nextInt(12);
        boolean specialDoubles = random.nextBoolean();
        List<Batch> batches = batches(schema, profiles, nullOdds, rows, padding, specialDoubles, random);
        CompressionCodecName codec = seed % 2 == 0 ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED;

        assertSameFile(schema, batches, new ParquetWriteOptions(codec, 256L << 20, MICROS),
                "seed %d: %s %s rows=%d padding=%d", seed, schema.simpleString(), Arrays.toString(profiles), rows, padding);
    }

    /** Q1's shape: a unique timestamp string (dictionary dropped at the first page), low-cardinality strings, and a
     * column whose dictionary fills past 1 MiB after some dictionary-encoded pages (both kinds of data page). */
    @Test void dictionariesFallBackAsParquetJavaDoes() throws IOException {
        StructType schema = StructType.fromDDL("ts STRING, service STRING, late STRING, user_id BIGINT, status INT");
        SplittableRandom random = new SplittableRandom(7);
        Profile[] profiles = {Profile.UNIQUE, Profile.LOW, Profile.LATE_UNIQUE, Profile.UNIQUE, Profile.LOW};
        List<Batch> batches = batches(schema, profiles, new int[] {0, 10, 0, 0, 0}, 80_000, 40, false, random);

        Path actual = assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS), "q1 shape");

        BlockMetaData block = ColumnarWriterPropertyTest.footer(actual).getBlocks().get(0);
        EncodingStats ts = block.getColumns().get(0).getEncodingStats();
        assertThat(ts.hasDictionaryPages()).isFalse();
        assertThat(ts.hasDictionaryEncodedPages()).isFalse();
        EncodingStats service = block.getColumns().get(1).getEncodingStats();
        assertThat(service.hasDictionaryPages()).isTrue();
        assertThat(service.hasNonDictionaryEncodedPages()).isFalse();
        EncodingStats late = block.getColumns().get(2).getEncodingStats();
        assertThat(late.hasDictionaryPages()).isTrue();
        assertThat(late.hasDictionaryEncodedPages()).isTrue();
        assertThat(late.hasNonDictionaryEncodedPages()).isTrue();
        assertThat(block.getColumns().get(3).getEncodingStats().hasDictionaryEncodedPages()).isFalse();
    }

    /**
     * A job's files share their column writers ({@link FlatWriterPool}): a writer that wrote files before (dictionaries
     * kept, dropped for PLAIN or released, buffers grown) writes each next file to the bytes a fresh writer writes.
     */
    @ParameterizedTest @MethodSource("seeds")
    void writersReusedAcrossFilesWriteTheBytesOfFreshOnes(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(1000 + seed);
        int fields = 1 + random.nextInt(6);
        List<StructField> schemaFields = new ArrayList<>();
        for (int i = 0; i < fields; i++) schemaFields.add(new StructField("c" + i, TYPES[random.nextInt(TYPES.length)], true));
        StructType schema = new StructType(schemaFields);
        ParquetWriteOptions options = new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS);
        FlatWriterPool pool = new FlatWriterPool();
        for (int file = 0; file < 4; file++) {
            Profile[] profiles = new Profile[fields];
            int[] nullOdds = new int[fields];
            for (int i = 0; i < fields; i++) {
                profiles[i] = Profile.values()[random.nextInt(Profile.values().length)];
                nullOdds[i] = new int[] {0, 2, 10, 1000}[random.nextInt(4)];
            }
            List<Batch> batches = batches(schema, profiles, nullOdds, 1 + random.nextInt(60_000), random.nextInt(12),
                    random.nextBoolean(), random);
            byte[] fresh = Files.readAllBytes(writeColumnar(schema, batches, options));
            Path reused = dir.resolve("reused.parquet");
            try (OutputStream out = Files.newOutputStream(reused)) {
                ColumnarParquetWriter writer = new ColumnarParquetWriter(new StreamOutputFile(out), schema, options,
                        options.rowGroupSize(), pool);
                for (Batch b : batches) writer.write(b);
                writer.close();
            }
            assertThat(Files.readAllBytes(reused)).as("seed %d file %d: %s %s", seed, file, schema.simpleString(),
                    Arrays.toString(profiles)).isEqualTo(fresh);
            FlatRowGroupWriter kept = pool.take(schema, MICROS);
            assertThat(kept).as("the closed file's writer is kept for the next").isNotNull();
            pool.give(kept);
        }
    }

    /**
     * Strings in ascending byte order, as timestamps and sequence numbers in logs come: the first page of a unique
     * column falls back to PLAIN without its ids being encoded (its dictionary alone is as big as its plain values),
     * and the pages stay parquet-java's. Columns: ascending and unique, ascending with each value repeated (the
     * dictionary kept until it passes 1 MiB), ascending then a step back in the first page, ascending then a step
     * back after the first page (both followed by repeats of earlier values), nullable with nulls, and values whose
     * order is unsigned only.
     */
    @Test void ascendingStringsGetParquetJavasIdsAndPages() throws IOException {
        StructType schema = StructType.fromDDL("uniq STRING, runs STRING, back STRING, late_back STRING, nulls STRING, bin BINARY");
        int rows = 90_000;
        List<Batch> batches = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        long ms = 1_790_000_000_000L;
        for (int start = 0; start < rows; start += Batch.DEFAULT_SIZE) {
            int n = Math.min(Batch.DEFAULT_SIZE, rows - start);
            FlatVector[] c = new FlatVector[schema.size()];
            for (int i = 0; i < c.length; i++) c[i] = Vectors.allocate(schema.field(i).dataType(), n);
            for (int i = 0; i < n; i++) {
                int row = start + i;
                ms += 1 + random.nextInt(20);
                c[0].appendObject(Instant.ofEpochMilli(ms).toString());
                c[1].appendObject(String.format("k%09d", row / 3) + "-".repeat(row / 3 % 40));   // strictly ascending per run
                c[2].appendObject(row == 7_000 ? "a" : row > 7_000 && row % 5 == 0 ? String.format("k%09d", row % 6_000)
                        : String.format("k%09d", row));
                c[3].appendObject(row == 50_000 ? "a" : row > 50_000 && row % 3 == 0 ? String.format("k%09d", row % 100)
                        : String.format("k%09d", row / 2));
                if (random.nextInt(4) == 0) c[4].appendNull();
                else c[4].appendObject(String.format("n%08d", row / 2));
                byte[] b = {(byte) (row >> 16), (byte) (row >> 8), (byte) row};   // 0x80.. sorts above 0x7F unsigned
                c[5].appendObject(b);
            }
            batches.add(new Batch((ColumnVector[]) c, n));
        }
        assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS), "ascending");
        assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.UNCOMPRESSED, 256L << 20, MICROS), "ascending");
    }

    /**
     * A chunk's first values all distinct, then one repeats (the writer keeps only their hashes until then, and interns
     * them at the repeat): at the second value, deep in the first page, at its last row, at the second page's first
     * row (the first page went PLAIN), and with nulls between; byte-equal to parquet-java's.
     */
    @Test void firstValuesDistinctUntilARepeat() throws IOException {
        StructType schema = StructType.fromDDL("second STRING, middle STRING, page_end STRING, next_page STRING, with_nulls STRING");
        int rows = 45_000;
        int[] repeatAt = {1, 12_345, 19_999, 20_000, 9_000};
        List<Batch> batches = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int start = 0; start < rows; start += Batch.DEFAULT_SIZE) {
            int n = Math.min(Batch.DEFAULT_SIZE, rows - start);
            FlatVector[] c = new FlatVector[schema.size()];
            for (int i = 0; i < c.length; i++) c[i] = Vectors.allocate(schema.field(i).dataType(), n);
            for (int i = 0; i < n; i++) {
                int row = start + i;
                for (int col = 0; col < c.length; col++) {
                    if (col == 4 && random.nextInt(3) == 0) {
                        c[col].appendNull();
                        continue;
                    }
                    int value = row == repeatAt[col] ? 5 % Math.max(1, row) : row;   // one earlier value, then distinct again
                    c[col].appendObject(String.format("%08x-%d", value * 2_654_435_761L, value));
                }
            }
            batches.add(new Batch((ColumnVector[]) c, n));
        }
        Path actual = assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS), "repeats");
        BlockMetaData block = ColumnarWriterPropertyTest.footer(actual).getBlocks().get(0);
        assertThat(block.getColumns().get(0).getEncodingStats().hasDictionaryEncodedPages()).isFalse();
        assertThat(block.getColumns().get(3).getEncodingStats().hasDictionaryEncodedPages()).isFalse();
    }

    /**
     * A chunk's first values ascending (kept with no hashes, compared with the value before), then one that is not, at
     * {@code breakAt} (at and around the writer's 32-row passes, its 128-row calls, and the first page's end at 20,000
     * rows): a smaller new value (ascending again after it), the value before repeated to the end (equal
     * neighbours: the dictionary then pays on a first page that breaks early), earlier values repeated, the same
     * with nulls between, and a column that never breaks; byte-equal to parquet-java's.
     */
    @ParameterizedTest @ValueSource(ints = {1, 2, 31, 32, 33, 127, 128, 129, 4_096, 19_999, 20_000, 20_001})
    void ascendingFirstValuesBrokenAnywhere(int breakAt) throws IOException {
        StructType schema = StructType.fromDDL("smaller STRING, equal STRING, earlier STRING, with_nulls STRING, never STRING");
        int rows = 26_000;
        List<Batch> batches = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(breakAt);
        for (int start = 0; start < rows; start += Batch.DEFAULT_SIZE) {
            int n = Math.min(Batch.DEFAULT_SIZE, rows - start);
            FlatVector[] c = new FlatVector[schema.size()];
            for (int i = 0; i < c.length; i++) c[i] = Vectors.allocate(schema.field(i).dataType(), n);
            for (int i = 0; i < n; i++) {
                int row = start + i;
                c[0].appendObject(row == breakAt ? "2026-12-03T00:00:00." : ascending(row));   // a prefix of every value
                c[1].appendObject(ascending(Math.min(row, breakAt - 1)));   // then equal to it to the end
                c[2].appendObject(ascending(row < breakAt ? row : (row - breakAt) % Math.min(breakAt, 10)));
                if (random.nextInt(3) == 0) c[3].appendNull();
                else c[3].appendObject(ascending(Math.min(row, breakAt - 1)));
                c[4].appendObject(ascending(row));
            }
            batches.add(new Batch((ColumnVector[]) c, n));
        }
        assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS),
                "break at %d", breakAt);
    }

    /** Timestamps as text, strictly ascending with the row (24 bytes: three words). */
    private static String ascending(int row) {
        int s = row / 1000;
        return String.format("2026-12-03T%02d:%02d:%02d.%03dZ", s / 3600, s / 60 % 60, s % 60, row % 1000);
    }

    /**
     * Doubles and longs whose dictionary of {@code distinct} entries grows past its table's growth points and up to,
     * or one past, the dictionary page size (131,072 entries of 8 bytes) after a first page that keeps it: kept to the end, or dropped for PLAIN
     * at the entry that passes it. Doubles include NaN, 0.0 and -0.0 (dictionary keys by bit pattern).
     */
    @ParameterizedTest @ValueSource(ints = {16_384, 16_385, 131_071, 131_072, 131_073})
    void fixedWidthDictionariesAtTheirGrowthAndFallbackPoints(int distinct) throws IOException {
        StructType schema = StructType.fromDDL("d DOUBLE, l BIGINT");
        SplittableRandom random = new SplittableRandom(distinct);
        int first = 140_000;   // past the first page, of few values
        int rows = first + distinct - 50 + 20_000;
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < rows; start += Batch.DEFAULT_SIZE) {
            int n = Math.min(Batch.DEFAULT_SIZE, rows - start);
            FlatVector d = Vectors.allocate(DataTypes.DOUBLE, n);
            FlatVector l = Vectors.allocate(DataTypes.LONG, n);
            for (int i = 0; i < n; i++) {
                int row = start + i;
                long k = row < first ? random.nextInt(50) : row < first + distinct - 50 ? row - first + 50 : random.nextInt(distinct);
                if (row < first && random.nextInt(100) == 0) d.appendNull();   // every entry reaches the dictionary
                else d.appendObject(k == 3 ? Double.NaN : k == 4 ? -0.0 : k == 5 ? 0.0 : 1 + k / 100.0);
                l.appendObject(k * 0x9E3779B97F4A7C15L);
            }
            batches.add(new Batch(new ColumnVector[] {d, l}, n));
        }
        Path actual = assertSameFile(schema, batches, new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS),
                "%d distinct", distinct);
        EncodingStats doubles = ColumnarWriterPropertyTest.footer(actual).getBlocks().get(0).getColumns().get(0).getEncodingStats();
        assertThat(doubles.hasDictionaryEncodedPages()).isTrue();
        assertThat(doubles.hasNonDictionaryEncodedPages()).isEqualTo(distinct > 131_072);
    }

    /**
     * A vector whose getters do not answer for null rows (as a view may not): the dictionary's slots are loaded ahead
     * for present values only, and the file is the flat vectors' file.
     */
    @Test void nullRowsAreNotReadAhead() throws IOException {
        StructType schema = StructType.fromDDL("d DOUBLE, l BIGINT");
        SplittableRandom random = new SplittableRandom(12);
        List<Batch> batches = batches(schema, new Profile[] {Profile.MEDIUM, Profile.MEDIUM}, new int[] {3, 3}, 20_000, 0, true, random);
        ParquetWriteOptions options = new ParquetWriteOptions(CompressionCodecName.SNAPPY, 256L << 20, MICROS);
        byte[] expected = Files.readAllBytes(writeColumnar(schema, batches, options));
        List<Batch> guarded = new ArrayList<>();
        for (Batch b : batches) guarded.add(new Batch(new ColumnVector[] {new NoNullValues(b.column(0)), new NoNullValues(b.column(1))}, b.rowCount()));
        assertThat(Files.readAllBytes(writeColumnar(schema, guarded, options))).isEqualTo(expected);
    }

    /** Forwards to a vector, refusing to read a value of a null row. */
    private static final class NoNullValues extends ColumnVector {
        private final ColumnVector base;

        NoNullValues(ColumnVector base) {
            super(base.type());
            this.base = base;
        }

        @Override public int size() { return base.size(); }
        @Override public dev.sluice.vector.Encoding encoding() { return base.encoding(); }
        @Override public boolean isNull(int row) { return base.isNull(row); }
        @Override public boolean mayHaveNulls() { return base.mayHaveNulls(); }
        @Override public long getLong(int row) { return base.getLong(present(row)); }
        @Override public double getDouble(int row) { return base.getDouble(present(row)); }

        private int present(int row) {
            if (base.isNull(row)) throw new AssertionError("read the value of null row " + row);
            return row;
        }
    }

    /** Several row groups: the same records as the record writer (row groups may be cut at other rows). */
    @Test void manyRowGroupsHoldTheSameRecords() throws IOException {
        StructType schema = StructType.fromDDL("a STRING, b BIGINT NOT NULL, c DOUBLE, d INT");
        SplittableRandom random = new SplittableRandom(11);
        Profile[] profiles = {Profile.LATE_UNIQUE, Profile.UNIQUE, Profile.MEDIUM, Profile.LOW};
        List<Batch> batches = batches(schema, profiles, new int[] {5, 0, 3, 0}, 120_000, 30, true, random);
        ParquetWriteOptions options = new ParquetWriteOptions(CompressionCodecName.SNAPPY, 1L << 20, MICROS);
        Path expected = dir.resolve("record-api.parquet");
        RecordApiWriter.write(new LocalOutputFile(expected), schema, options, batches);
        Path actual = writeColumnar(schema, batches, options);

        assertThat(ColumnarWriterPropertyTest.footer(actual).getBlocks()).hasSizeGreaterThan(2);
        assertThat(ColumnarWriterPropertyTest.records(actual)).isEqualTo(ColumnarWriterPropertyTest.records(expected));
    }

    private Path assertSameFile(StructType schema, List<Batch> batches, ParquetWriteOptions options, String what,
                                Object... args) throws IOException {
        assertThat(FlatRowGroupWriter.of(schema, SparkParquetSchema.of(schema, MICROS), MICROS,
                ParquetProperties.builder().build())).as("the flat writer covers %s", schema.simpleString()).isNotNull();
        Path expected = dir.resolve("record-api.parquet");
        RecordApiWriter.write(new LocalOutputFile(expected), schema, options, batches);
        Path actual = writeColumnar(schema, batches, options);
        // first the readable differences, then the bytes (page headers, levels, ids, indexes)
        assertThat(ColumnarWriterPropertyTest.chunks(actual)).as(what, args).isEqualTo(ColumnarWriterPropertyTest.chunks(expected));
        assertThat(encodingStats(actual)).as(what, args).isEqualTo(encodingStats(expected));
        assertThat(Files.readAllBytes(actual)).as(what, args).isEqualTo(Files.readAllBytes(expected));
        return actual;
    }

    private Path writeColumnar(StructType schema, List<Batch> batches, ParquetWriteOptions options) throws IOException {
        Path actual = dir.resolve("columnar.parquet");
        try (OutputStream out = Files.newOutputStream(actual)) {
            ColumnarParquetWriter writer = new ColumnarParquetWriter(new StreamOutputFile(out), schema, options, options.rowGroupSize());
            for (Batch b : batches) writer.write(b);
            writer.close();
        }
        return actual;
    }

    private static List<String> encodingStats(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (BlockMetaData block : ColumnarWriterPropertyTest.footer(file).getBlocks()) {
            for (ColumnChunkMetaData c : block.getColumns()) {
                EncodingStats s = c.getEncodingStats();
                out.add(c.getPath() + " dict=" + s.getDictionaryEncodings() + " data=" + s.getDataEncodings()
                        + " pages=" + s.getDataEncodings().stream().map(e -> e + ":" + s.getNumDataPagesEncodedAs(e)).toList()
                        + " size=" + c.getTotalUncompressedSize());
            }
        }
        return out;
    }

    // ---- values

    static List<Batch> batches(StructType schema, Profile[] profiles, int[] nullOdds, int rows, int padding,
                               boolean specialDoubles, SplittableRandom random) {
        List<Batch> out = new ArrayList<>();
        for (int start = 0; start < rows; start += Batch.DEFAULT_SIZE) {
            int n = Math.min(Batch.DEFAULT_SIZE, rows - start);
            ColumnVector[] columns = new ColumnVector[schema.size()];
            for (int c = 0; c < columns.length; c++) {
                FlatVector v = Vectors.allocate(schema.field(c).dataType(), n);
                for (int i = 0; i < n; i++) {
                    if (nullOdds[c] > 0 && random.nextInt(nullOdds[c]) == 0) v.appendNull();
                    else v.appendObject(value(schema.field(c).dataType(), key(profiles[c], start + i, random), padding, specialDoubles));
                }
                columns[c] = v;
            }
            out.add(new Batch(columns, n));
        }
        return out;
    }

    static long key(Profile profile, int row, SplittableRandom random) {
        switch (profile) {
            case CONSTANT: return 42;
            case LOW: return random.nextInt(10);
            case MEDIUM: return random.nextInt(5000);
            case UNIQUE: return row;
            default: return row < 30_000 ? random.nextInt(5) : row;
        }
    }

    static Object value(DataType type, long k, int padding, boolean specialDoubles) {
        if (type.equals(DataTypes.INT)) return (int) (k * 2_654_435_761L);
        if (type.equals(DataTypes.LONG)) return k * 0x9E3779B97F4A7C15L;
        if (type.equals(DataTypes.SHORT)) return (short) (k * 31);
        if (type.equals(DataTypes.BYTE)) return (byte) k;
        if (type.equals(DataTypes.DATE)) return LocalDate.ofEpochDay(k % 200_000 - 100_000);
        if (type.equals(DataTypes.TIMESTAMP)) return Instant.ofEpochSecond(k * 7 - 1_000_000, (k % 1000) * 1000);
        if (type.equals(DataTypes.TIMESTAMP_NTZ)) return Instant.ofEpochSecond(k * 11, 3000).atZone(ZoneOffset.UTC).toLocalDateTime();
        if (type.equals(DataTypes.DOUBLE)) {
            if (specialDoubles) {
                int m = (int) (k % 40);
                if (m == 3) return Double.NaN;
                if (m == 4) return -0.0;
                if (m == 5) return 0.0;
            }
            return k / 7.0 - 300;
        }
        String s = "v" + k + "x".repeat((int) (k % (padding + 1)));
        if (type.equals(DataTypes.STRING)) return k % 3 == 0 ? s + "é✓" : s;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (k % 5 == 0) b[0] = (byte) 0xF0;   // above every ASCII byte in unsigned order, below it in signed
        return b;
    }
}
