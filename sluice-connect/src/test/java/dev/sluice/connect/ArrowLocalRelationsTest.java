package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampSecVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local relations decoded column by column ({@link ArrowLocalRelations}) give the rows the row path gave
 * ({@link ArrowRows#decode} into {@code createDataFrame}): every type, nulls, nested types, client schemas that
 * retype columns, Arrow batches of any size, and the same cuts into batches.
 */
class ArrowLocalRelationsTest {
    static Sluice sluice;
    static BufferAllocator allocator;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE);
    }

    @AfterAll static void stop() {
        allocator.close();
        sluice.close();
    }

    static final StructType INNER = StructType.of(StructField.of("x", DataTypes.INT), StructField.of("y", DataTypes.STRING));
    static final StructType EVERY_TYPE = StructType.of(
            StructField.of("b", DataTypes.BOOLEAN), StructField.of("i", DataTypes.INT), StructField.of("l", DataTypes.LONG),
            StructField.of("f", DataTypes.FLOAT), StructField.of("d", DataTypes.DOUBLE), StructField.of("s", DataTypes.STRING),
            StructField.of("bin", DataTypes.BINARY), StructField.of("dt", DataTypes.DATE), StructField.of("ts", DataTypes.TIMESTAMP),
            StructField.of("ntz", DataTypes.TIMESTAMP_NTZ), StructField.of("by", DataTypes.BYTE), StructField.of("sh", DataTypes.SHORT),
            StructField.of("dec", DataTypes.decimal(10, 2)), StructField.of("dec18", DataTypes.decimal(18, 0)),
            StructField.of("wide", DataTypes.decimal(30, 5)), StructField.of("arr", DataTypes.array(DataTypes.LONG)),
            StructField.of("arrs", DataTypes.array(INNER)), StructField.of("nested", DataTypes.array(DataTypes.array(DataTypes.STRING))),
            StructField.of("m", DataTypes.map(DataTypes.STRING, DataTypes.array(DataTypes.INT))), StructField.of("st", INNER),
            StructField.of("n", DataTypes.NULL));

    @Test void everyTypeWithNullsAcrossArrowBatchesGivesTheRowPathsRows() {
        List<Row> rows = randomRows(EVERY_TYPE, 10_000, 7);
        byte[] ipc = write(EVERY_TYPE, rows, 777);   // Arrow batches of 777 rows: every Sluice batch spans several
        assertSameAsRowPath(ipc, null, 4096);
        assertSameAsRowPath(ipc, EVERY_TYPE, 1000);
        assertSameAsRowPath(write(EVERY_TYPE, rows, 10_000), null, 4096);
    }

    @Test void batchesAreCutAsMemorySourceCutsTheSameRows() {
        StructType schema = StructType.of(StructField.of("i", DataTypes.INT));
        List<Row> rows = randomRows(schema, 10_000, 3);
        LocalBatchSource source = ArrowLocalRelations.decode(allocator, write(schema, rows, 3000), null, 4096);
        assertThat(source.splits()).extracting(s -> s.description())
                .containsExactly("rows [0, 4096)", "rows [4096, 8192)", "rows [8192, 10000)");
        assertThat(source.description()).isEqualTo("10000 rows");
        assertThat(source.knownRowCount()).isEqualTo(10_000);
        assertThat(source.estimatedSizeInBytes()).isEqualTo(new dev.sluice.io.MemorySource(schema, rows, 4096).estimatedSizeInBytes());
        // the plan's statistics and explain text are a MemorySource's (row count included: DataSource.knownRowCount)
        assertThat(sluice.read(source).select("i").explainString("cost"))
                .isEqualTo(sluice.createDataFrame(rows, schema).select("i").explainString("cost"))
                .contains("rowCount=");
    }

    @Test void emptyStreamsGiveEmptyFrames() {
        byte[] ipc = ArrowBatches.encode(allocator, EVERY_TYPE, List.of());
        assertSameAsRowPath(ipc, null, 4096);
        LocalBatchSource source = ArrowLocalRelations.decode(allocator, ipc, EVERY_TYPE, 4096);
        assertThat(source.splits()).isEmpty();
        assertThat(sluice.read(source).count()).isZero();
    }

    @Test void aClientSchemaRetypesAndNamesColumnsAsTheRowPathDoes() {
        StructType sent = StructType.of(StructField.of("a", DataTypes.INT), StructField.of("b", DataTypes.LONG),
                StructField.of("c", DataTypes.decimal(10, 2)), StructField.of("d", DataTypes.STRING));
        StructType asked = StructType.of(StructField.of("x", DataTypes.LONG), StructField.of("y", DataTypes.DOUBLE),
                StructField.of("z", DataTypes.decimal(12, 4)), StructField.of("w", DataTypes.STRING),
                StructField.of("missing", DataTypes.INT));
        byte[] ipc = write(sent, randomRows(sent, 2000, 11), 500);
        assertSameAsRowPath(ipc, asked, 4096);
    }

    @Test void timestampsOfEveryUnitAndLargeStringsAndBinaries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TimeStampSecVector sec = new TimeStampSecVector("sec", allocator);
             TimeStampMilliTZVector milli = new TimeStampMilliTZVector("milli", allocator, "UTC");
             TimeStampMicroVector micro = new TimeStampMicroVector("micro", allocator);
             TimeStampNanoVector nano = new TimeStampNanoVector("nano", allocator);
             LargeVarCharVector text = new LargeVarCharVector("text", allocator);
             LargeVarBinaryVector bytes = new LargeVarBinaryVector("bytes", allocator)) {
            long[] values = {0, -1, 1_700_000_000L, -86_401, 123};
            for (int i = 0; i < values.length; i++) {
                sec.setSafe(i, values[i]);
                milli.setSafe(i, values[i] * 1001);
                micro.setSafe(i, values[i] * 1_000_003);
                nano.setSafe(i, values[i] * 1_000_000_007L - 1);
                text.setSafe(i, ("é" + i).repeat(i).getBytes(StandardCharsets.UTF_8));
                bytes.setSafe(i, new byte[] {(byte) i, -1});
            }
            text.setNull(2);    // null rows that still own bytes in the data buffer (Arrow allows it)
            bytes.setNull(3);
            int nulls = values.length;
            for (FieldVector v : List.<FieldVector>of(sec, milli, micro, nano, text, bytes)) {
                v.setNull(nulls);
                v.setValueCount(nulls + 1);
            }
            List<FieldVector> vectors = List.of(sec, milli, micro, nano, text, bytes);
            try (VectorSchemaRoot root = new VectorSchemaRoot(vectors);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                root.setRowCount(nulls + 1);
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        assertSameAsRowPath(out.toByteArray(), null, 4096);
        assertSameAsRowPath(out.toByteArray(), null, 2);
    }

    @Test void aPrunedStructReadsItsFieldsAsTheRowPathDoes() {
        List<Row> rows = randomRows(EVERY_TYPE, 3000, 5);
        byte[] ipc = write(EVERY_TYPE, rows, 1000);
        DataFrame columns = sluice.read(ArrowLocalRelations.decode(allocator, ipc, null, 4096)).select("st.y", "i");
        ArrowRows.Decoded d = ArrowRows.decode(allocator, ipc, null);
        DataFrame boxed = sluice.createDataFrame(d.rows(), d.schema()).select("st.y", "i");
        assertThat(columns.collect()).isEqualTo(boxed.collect());
    }

    private static void assertSameAsRowPath(byte[] ipc, StructType schema, int rowsPerBatch) {
        ArrowRows.Decoded d = ArrowRows.decode(allocator, ipc, schema);
        List<Row> expected = sluice.createDataFrame(d.rows(), d.schema()).collect();
        LocalBatchSource source = ArrowLocalRelations.decode(allocator, ipc, schema, rowsPerBatch);
        assertThat(source.schema()).isEqualTo(d.schema());
        List<Row> actual = sluice.read(source).collect();
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.get(r)).as("row %d", r).isEqualTo(expected.get(r));
        }
        int expectedBatches = (d.rows().size() + rowsPerBatch - 1) / rowsPerBatch;
        assertThat(source.splits()).hasSize(expectedBatches);
    }

    /** An Arrow stream of {@code rows} written by Arrow Java (the row path's setters) in batches of {@code perBatch} rows. */
    static byte[] write(StructType schema, List<Row> rows, int perBatch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(ArrowTypes.schema(schema).getFields()), allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (int from = 0; from < rows.size(); from += perBatch) {
                int to = Math.min(rows.size(), from + perBatch);
                root.allocateNew();
                for (int c = 0; c < schema.size(); c++) {
                    FieldVector v = root.getVector(c);
                    for (int r = from; r < to; r++) ArrowBatches.set(v, schema.field(c).dataType(), r - from, rows.get(r).get(c));
                    v.setValueCount(to - from);
                }
                root.setRowCount(to - from);
                writer.writeBatch();
            }
            writer.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<Row> randomRows(StructType schema, int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] values = new Object[schema.size()];
            for (int c = 0; c < values.length; c++) values[c] = value(schema.field(c).dataType(), random);
            rows.add(new Row(schema, values));
        }
        return rows;
    }

    private static Object value(DataType t, Random random) {
        if (random.nextInt(6) == 0) return null;
        if (t.equals(DataTypes.BOOLEAN)) return random.nextBoolean();
        if (t.equals(DataTypes.INT)) return random.nextInt();
        if (t.equals(DataTypes.LONG)) return random.nextLong();
        if (t.equals(DataTypes.BYTE)) return (byte) random.nextInt();
        if (t.equals(DataTypes.SHORT)) return (short) random.nextInt();
        if (t.equals(DataTypes.FLOAT)) return random.nextFloat() * 1e6f - 5e5f;
        if (t.equals(DataTypes.DOUBLE)) return random.nextGaussian() * 1e9;
        if (t.equals(DataTypes.STRING)) return "s" + "éa\u4e2d".repeat(random.nextInt(4)) + random.nextInt(1000);
        if (t.equals(DataTypes.BINARY)) {
            byte[] b = new byte[random.nextInt(6)];
            random.nextBytes(b);
            return b;
        }
        if (t.equals(DataTypes.DATE)) return LocalDate.ofEpochDay(random.nextInt(40_000) - 20_000);
        if (t.equals(DataTypes.TIMESTAMP)) return Instant.EPOCH.plusNanos((random.nextLong() % 4_000_000_000_000_000L) * 1000);
        if (t.equals(DataTypes.TIMESTAMP_NTZ)) {
            return dev.sluice.vector.Timestamps.toLocalDateTime(random.nextLong() % 4_000_000_000_000_000L);
        }
        if (t instanceof dev.sluice.types.DecimalType d) {
            BigDecimal v = new BigDecimal(new java.math.BigInteger(d.precision() * 3, random), d.scale());
            if (v.precision() > d.precision()) v = v.movePointLeft(v.precision() - d.precision()).setScale(d.scale(), java.math.RoundingMode.DOWN);
            return random.nextBoolean() ? v : v.negate();
        }
        if (t instanceof dev.sluice.types.ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) out.add(value(a.elementType(), random));
            return out;
        }
        if (t instanceof dev.sluice.types.MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                Object k = value(m.keyType(), random);
                if (k != null) out.put(k, value(m.valueType(), random));
            }
            return out;
        }
        if (t instanceof StructType s) {
            Object[] values = new Object[s.size()];
            for (int f = 0; f < values.length; f++) values[f] = value(s.field(f).dataType(), random);
            return new Row(s, values);
        }
        if (t.equals(DataTypes.NULL)) return null;
        throw new AssertionError("no generator for " + t);
    }

}
