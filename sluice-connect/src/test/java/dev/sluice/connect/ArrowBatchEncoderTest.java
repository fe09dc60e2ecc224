package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches written column by column into Arrow ({@link ArrowBatchEncoder}) give the bytes the row path
 * ({@link ArrowBatches#encode} of the same rows as Java values) gives: every type, nulls everywhere, nested types,
 * views (a filter's selection, slices, constants), empty results, and results cut into several messages.
 */
class ArrowBatchEncoderTest {
    private static final StructType INNER = StructType.of(StructField.of("x", DataTypes.LONG), StructField.of("y", DataTypes.STRING));
    private static final StructType SCHEMA = StructType.of(
            StructField.of("b", DataTypes.BOOLEAN), StructField.of("i", DataTypes.INT), StructField.of("l", DataTypes.LONG),
            StructField.of("f", DataTypes.FLOAT), StructField.of("d", DataTypes.DOUBLE), StructField.of("s", DataTypes.STRING),
            StructField.of("bin", DataTypes.BINARY), StructField.of("dt", DataTypes.DATE), StructField.of("ts", DataTypes.TIMESTAMP),
            StructField.of("ntz", DataTypes.TIMESTAMP_NTZ), StructField.of("dec", DataTypes.decimal(12, 2)),
            StructField.of("wide", DataTypes.decimal(30, 5)), StructField.of("by", DataTypes.BYTE), StructField.of("sh", DataTypes.SHORT),
            StructField.of("ym", DataTypes.YEAR_MONTH_INTERVAL), StructField.of("dti", DataTypes.DAY_TIME_INTERVAL),
            StructField.of("tm", DataTypes.TIME),
            StructField.of("arr", DataTypes.array(DataTypes.LONG)), StructField.of("sarr", DataTypes.array(DataTypes.STRING)),
            StructField.of("m", DataTypes.map(DataTypes.STRING, DataTypes.array(DataTypes.INT))), StructField.of("st", INNER),
            StructField.of("nested", DataTypes.array(INNER)), StructField.of("n", DataTypes.NULL));

    private BufferAllocator allocator;

    @BeforeEach void open() { allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE); }

    @AfterEach void close() { allocator.close(); }

    @Test void everyTypeGivesTheRowPathsBytes() {
        List<Row> rows = randomRows(SCHEMA, 3000, 1);
        Batch batch = batchOf(SCHEMA, rows);
        List<ByteString> messages = encode(SCHEMA, List.of(batch), 1 << 20, Long.MAX_VALUE);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).toByteArray()).isEqualTo(ArrowBatches.encode(allocator, SCHEMA, rows));
    }

    @Test void aColumnOfNullsAndAnEmptyResult() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) rows.add(new Row(SCHEMA, new Object[SCHEMA.size()]));
        assertThat(encode(SCHEMA, List.of(batchOf(SCHEMA, rows)), 1 << 20, Long.MAX_VALUE).get(0).toByteArray())
                .isEqualTo(ArrowBatches.encode(allocator, SCHEMA, rows));
        List<ByteString> empty = encode(SCHEMA, List.of(), 1 << 20, Long.MAX_VALUE);
        assertThat(empty).hasSize(1);   // clients expect at least one batch
        assertThat(empty.get(0).toByteArray()).isEqualTo(ArrowBatches.encode(allocator, SCHEMA, List.of()));
        StructType none = new StructType(List.of());   // select() of no columns: rows without values
        assertThat(decode(encode(none, List.of(Batch.ofRowCount(5)), 1 << 20, Long.MAX_VALUE), none)).hasSize(5);
    }

    @Test void aWholeResultIsOneStreamWithTheRowPathsBytes() {   // command results, sent back as a local relation
        List<Row> rows = randomRows(SCHEMA, 9000, 4);
        List<Batch> batches = List.of(batchOf(SCHEMA, rows.subList(0, 4096)), batchOf(SCHEMA, rows.subList(4096, 4096)),
                batchOf(SCHEMA, rows.subList(4096, 9000)));
        assertThat(ArrowBatchEncoder.whole(allocator, SCHEMA, batches.iterator()).toByteArray())
                .isEqualTo(ArrowBatches.encode(allocator, SCHEMA, rows));
        assertThat(ArrowBatchEncoder.whole(allocator, SCHEMA, java.util.Collections.emptyIterator()).toByteArray())
                .isEqualTo(ArrowBatches.encode(allocator, SCHEMA, List.of()));
    }

    @Test void viewsAreWrittenAsTheRowsTheyShow() {
        List<Row> rows = randomRows(SCHEMA, 2000, 2);
        Batch batch = batchOf(SCHEMA, rows);
        int[] ids = new int[700];
        for (int i = 0; i < ids.length; i++) ids[i] = (i * 7 + 3) % rows.size();   // out of order, some twice
        Batch selected = batch.gather(ids, ids.length);
        Batch sliced = batch.slice(300, 900).gather(new int[] {0, 5, 6, 7, 899}, 5);
        ColumnVector[] constants = new ColumnVector[SCHEMA.size()];
        for (int c = 0; c < constants.length; c++) constants[c] = ConstantVector.repeat(batch.column(c), 11, 40);
        Batch constant = new Batch(constants, 40);
        for (Batch view : List.of(selected, batch.slice(17, 1500), sliced, constant)) {
            List<Row> shown = rowsOf(SCHEMA, view);
            assertThat(encode(SCHEMA, List.of(view), 1 << 20, Long.MAX_VALUE).get(0).toByteArray())
                    .isEqualTo(ArrowBatches.encode(allocator, SCHEMA, shown));
        }
    }

    @Test void largeResultsAreCutByRowsAndByBytesAcrossBatches() {
        List<Row> rows = randomRows(SCHEMA, 20_000, 3);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); ) {   // batches of uneven sizes, as operators make them
            int n = Math.min(rows.size() - from, 1 + (from * 31 % 4096));
            batches.add(batchOf(SCHEMA, rows.subList(from, from + n)));
            from += n;
        }
        List<Integer> counts = new ArrayList<>();
        List<ByteString> byRows = encode(SCHEMA, batches, 8192, Long.MAX_VALUE, counts);
        assertThat(counts).containsExactly(8192, 8192, 20_000 - 2 * 8192);
        assertThat(decode(byRows, SCHEMA)).isEqualTo(decode(List.of(ByteString.copyFrom(ArrowBatches.encode(allocator, SCHEMA, rows))), SCHEMA));

        counts.clear();
        long maxBytes = 256 << 10;
        List<ByteString> bySize = encode(SCHEMA, batches, 8192, maxBytes, counts);
        assertThat(bySize.size()).isGreaterThan(5);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20_000);
        assertThat(bySize).allSatisfy(m -> assertThat((long) m.size()).isLessThan(2 * maxBytes));
        assertThat(decode(bySize, SCHEMA)).isEqualTo(decode(byRows, SCHEMA));
    }

    @Test void aValueTooLongForTheBudgetIsAMessageOfItsOwn() {
        StructType schema = StructType.of(StructField.of("s", DataTypes.STRING));
        String big = "x".repeat(300_000);
        List<Row> rows = List.of(Row.of(schema, "a"), Row.of(schema, big), Row.of(schema, big), Row.of(schema, "b"));
        List<Integer> counts = new ArrayList<>();
        List<ByteString> messages = encode(schema, List.of(batchOf(schema, rows)), 8192, 100_000, counts);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(counts).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(decode(messages, schema)).extracting(r -> r.get(0)).containsExactly("a", big, big, "b");
    }

    // ---- helpers ----

    private List<ByteString> encode(StructType schema, List<Batch> batches, int maxRows, long maxBytes) {
        return encode(schema, batches, maxRows, maxBytes, new ArrayList<>());
    }

    private List<ByteString> encode(StructType schema, List<Batch> batches, int maxRows, long maxBytes, List<Integer> counts) {
        List<ByteString> out = new ArrayList<>();
        try (ArrowBatchEncoder encoder = new ArrowBatchEncoder(allocator, schema, maxRows, maxBytes, (ipc, n) -> {
            out.add(ipc);
            counts.add(n);
        })) {
            for (Batch b : batches) encoder.add(b);
            encoder.finish();
        }
        return out;
    }

    /** Decoded values, with byte arrays as lists so that rows compare by value. */
    private List<List<Object>> decode(List<ByteString> messages, StructType schema) {
        List<List<Object>> out = new ArrayList<>();
        for (ByteString m : messages) {
            for (Row r : ArrowRows.decode(allocator, m.toByteArray(), schema).rows()) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < r.size(); c++) values.add(r.get(c) instanceof byte[] b ? Arrays.toString(b) : String.valueOf(r.get(c)));
                out.add(values);
            }
        }
        return out;
    }

    static Batch batchOf(StructType schema, List<Row> rows) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            FlatVector v = Vectors.allocate(schema.field(c).dataType(), rows.size());
            for (Row r : rows) v.appendObject(r.get(c));
            columns[c] = v;
        }
        return new Batch(columns, rows.size());
    }

    private static List<Row> rowsOf(StructType schema, Batch b) {
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < b.rowCount(); r++) {
            Object[] values = new Object[b.columnCount()];
            for (int c = 0; c < values.length; c++) values[c] = b.column(c).getObject(r);
            out.add(new Row(schema, values));
        }
        return out;
    }

    static List<Row> randomRows(StructType schema, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[schema.size()];
            for (int c = 0; c < values.length; c++) values[c] = value(schema.field(c).dataType(), random, 0);
            rows.add(new Row(schema, values));
        }
        return rows;
    }

    private static Object value(DataType t, SplittableRandom random, int depth) {
        if (random.nextInt(8) == 0 || t.equals(DataTypes.NULL)) return null;
        if (t.equals(DataTypes.BOOLEAN)) return random.nextBoolean();
        if (t.equals(DataTypes.INT)) return random.nextInt();
        if (t.equals(DataTypes.LONG)) return random.nextLong();
        if (t.equals(DataTypes.FLOAT)) return random.nextInt(20) == 0 ? Float.NaN : (float) random.nextDouble(-1e6, 1e6);
        if (t.equals(DataTypes.DOUBLE)) return random.nextInt(20) == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble(-1e12, 1e12);
        if (t.equals(DataTypes.STRING)) return string(random);
        if (t.equals(DataTypes.BINARY)) return string(random).getBytes(StandardCharsets.UTF_8);
        if (t.equals(DataTypes.DATE)) return LocalDate.ofEpochDay(random.nextInt(-100_000, 100_000));
        if (t.equals(DataTypes.TIMESTAMP)) return Instant.EPOCH.plusNanos(random.nextLong(-1L << 60, 1L << 60) / 1000 * 1000);
        if (t.equals(DataTypes.TIMESTAMP_NTZ)) return LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000);
        if (t.equals(DataTypes.decimal(12, 2))) return BigDecimal.valueOf(random.nextLong(-99_999_999_999L, 100_000_000_000L), 2);
        if (t.equals(DataTypes.decimal(30, 5))) return new BigDecimal(new java.math.BigInteger(90, new java.util.Random(random.nextLong())), 5)
                .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
        if (t.equals(DataTypes.BYTE)) return (byte) random.nextInt();
        if (t.equals(DataTypes.SHORT)) return (short) random.nextInt();
        if (t.equals(DataTypes.YEAR_MONTH_INTERVAL)) return Period.ofMonths(random.nextInt(-10_000, 10_000)).normalized();
        if (t.equals(DataTypes.DAY_TIME_INTERVAL)) return Duration.ofNanos(random.nextLong(-1L << 50, 1L << 50) / 1000 * 1000);
        if (t.equals(DataTypes.TIME)) return LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000);
        if (t instanceof dev.sluice.types.ArrayType a) {
            List<Object> list = new ArrayList<>();
            for (int k = random.nextInt(depth > 0 ? 3 : 6); k > 0; k--) list.add(value(a.elementType(), random, depth + 1));
            return list;
        }
        if (t instanceof dev.sluice.types.MapType m) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) map.put("k" + k + random.nextInt(3), value(m.valueType(), random, depth + 1));
            return map;
        }
        if (t instanceof StructType s) {
            Object[] values = new Object[s.size()];
            for (int f = 0; f < values.length; f++) values[f] = value(s.field(f).dataType(), random, depth + 1);
            return new Row(s, values);
        }
        throw new IllegalArgumentException(t.toString());
    }

    private static String string(SplittableRandom random) {
        String[] parts = {"", "a", "é", "日本", "🙂", "status=500", "x".repeat(40)};
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(4); k > 0; k--) sb.append(parts[random.nextInt(parts.length)]);
        return sb.toString();
    }
}
