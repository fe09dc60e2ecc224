package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge's prefix-only replay ({@link RunMerger}: first prefixes, then second prefixes, a done cursor's prefix
 * {@code Long.MAX_VALUE}) gives the order of a stable sort by the row comparison alone, for every key type the
 * prefixes cover, both directions and null orders, with cursors whose blocks gain and lose prefixes (a block with a
 * NULL first key has none) and cursors that finish while others hold the largest prefix.
 */
class RunMergerPrefixTest {
    /** A first key type, how to draw its values (few distinct, so that ties are common; extremes included). */
    record Key(String name, DataType type, Function<Random, Object> value) {
        @Override public String toString() { return name; }
    }

    static Stream<Key> firstKeys() {
        return Stream.of(
                new Key("long", DataTypes.LONG, r -> switch (r.nextInt(6)) {
                    case 0 -> Long.MAX_VALUE;   // ascending: the prefix of a done cursor
                    case 1 -> Long.MIN_VALUE;
                    case 2 -> -1L;              // descending: ~(-1) = 0; ~MIN = MAX
                    default -> (long) r.nextInt(4);
                }),
                new Key("int", DataTypes.INT, r -> r.nextInt(5) == 0 ? (r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) : r.nextInt(4) - 2),
                new Key("double", DataTypes.DOUBLE, r -> switch (r.nextInt(8)) {
                    case 0 -> Double.NaN;
                    case 1 -> -0.0;
                    case 2 -> 0.0;
                    case 3 -> Double.POSITIVE_INFINITY;
                    case 4 -> Double.NEGATIVE_INFINITY;
                    default -> (double) (r.nextInt(3) - 1) / 4;
                }),
                // not exact: equal prefixes (a shared 8-byte start) compare the strings; no second prefix
                new Key("string", DataTypes.STRING, r -> "prefix0" + (char) ('a' + r.nextInt(3)) + (r.nextBoolean() ? "" : "x")),
                new Key("decimal", DataTypes.decimal(10, 2), r -> new java.math.BigDecimal(r.nextInt(7) - 3).movePointLeft(2)));
    }

    static Stream<Object[]> cases() {
        return firstKeys().flatMap(key -> Stream.of(
                new Object[] {key, true, true}, new Object[] {key, true, false},
                new Object[] {key, false, true}, new Object[] {key, false, false}));
    }

    @ParameterizedTest(name = "{0} ascending={1} nullsFirst={2}")
    @MethodSource("cases")
    void mergesAsAStableSortByTheRowComparison(Key key, boolean ascending, boolean nullsFirst) {
        StructType schema = StructType.of(DataTypes.field("k", key.type()), DataTypes.field("s", DataTypes.STRING),
                DataTypes.field("origin", DataTypes.INT));
        List<SortOrder> orders = List.of(
                new SortOrder(new BoundColumn(0, "k", key.type(), true), ascending, nullsFirst),
                // the second key's prefix: strings sharing 8 bytes tie there and are compared whole
                new SortOrder(new BoundColumn(1, "s", DataTypes.STRING, true), !ascending, !nullsFirst));
        RowOrdering ordering = new RowOrdering(orders);
        Random random = new Random(31L * key.name().hashCode() + (ascending ? 2 : 0) + (nullsFirst ? 1 : 0));
        for (int round = 0; round < 12; round++) {
            int k = 1 + random.nextInt(round < 6 ? 6 : 40);
            List<RunCursor> cursors = new ArrayList<>();
            List<ColumnVector[]> rowKeys = new ArrayList<>();   // by origin: the row's key vectors
            List<Integer> rowIds = new ArrayList<>();          // by origin: its row in them
            int origin = 0;
            for (int c = 0; c < k; c++) {
                List<SortedRun> runBlocks = new ArrayList<>();
                // one sorted run cut into blocks (a spilled run's): sort its rows, then cut; some runs empty
                int rows = random.nextInt(5) == 0 ? 0 : random.nextInt(120);
                boolean nulls = random.nextInt(3) == 0;
                FlatVector[] cols = {Vectors.allocate(key.type(), rows), Vectors.allocate(DataTypes.STRING, rows),
                        Vectors.allocate(DataTypes.INT, rows)};
                for (int i = 0; i < rows; i++) {
                    cols[0].appendObject(nulls && random.nextInt(10) == 0 ? null : key.value().apply(random));
                    cols[1].appendObject(random.nextInt(12) == 0 ? null : "shared-8" + random.nextInt(3));
                    cols[2].appendObject(origin + i);
                }
                ColumnVector[] keys = {cols[0], cols[1]};
                int[] sorted = new int[rows];
                for (int i = 0; i < rows; i++) sorted[i] = i;
                IntSorter.sort(sorted, 0, rows, (a, b) -> ordering.compare(keys, a, keys, b));
                for (int i = 0; i < rows; i++) {
                    rowKeys.add(keys);
                    rowIds.add(i);
                }
                origin += rows;
                int at = 0;
                while (at < rows) {
                    int n = Math.min(rows - at, 1 + random.nextInt(40));
                    int[] ids = java.util.Arrays.copyOfRange(sorted, at, at + n);
                    FlatVector[] block = new FlatVector[3];
                    for (int col = 0; col < 3; col++) {
                        block[col] = Vectors.allocate(schema.field(col).dataType(), n);
                        for (int i = 0; i < n; i++) block[col].appendFrom(cols[col], ids[i]);
                    }
                    ColumnVector[] blockKeys = {block[0], block[1]};
                    int[] order = new int[n];
                    for (int i = 0; i < n; i++) order[i] = i;
                    runBlocks.add(new SortedRun(block, blockKeys, order, n, ordering.prefixes(blockKeys, n)));
                    at += n;
                }
                cursors.add(new BlocksCursor(runBlocks));
            }
            List<Integer> merged = new ArrayList<>();
            try (RunMerger merger = new RunMerger(schema, ordering, 1 + random.nextInt(64), -1, cursors)) {
                for (Batch b = merger.next(); b != null; b = merger.next()) {
                    for (int i = 0; i < b.rowCount(); i++) merged.add(b.column(2).getInt(i));
                }
            }
            // the reference: every row in cursor order, stably sorted by the row comparison (no prefixes)
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < origin; i++) expected.add(i);
            expected.sort((a, b) -> ordering.compare(rowKeys.get(a), rowIds.get(a), rowKeys.get(b), rowIds.get(b)));
            assertThat(merged).as("round %d, k=%d", round, k).containsExactlyElementsOf(expected);
        }
    }

    /** A run read block by block, as a spilled run is: each block its own {@link SortedRun} with its own prefixes. */
    private static final class BlocksCursor extends RunCursor {
        private final List<SortedRun> blocks;
        private int next;

        BlocksCursor(List<SortedRun> blocks) {
            this.blocks = blocks;
            refill();
        }

        @Override boolean refill() {
            while (next < blocks.size()) {
                run = blocks.get(next++);
                pos = 0;
                end = run.rows;
                if (end > 0) return true;
            }
            return false;
        }
    }
}
