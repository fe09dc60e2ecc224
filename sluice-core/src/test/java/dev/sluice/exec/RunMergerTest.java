package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The k-way merge (a loser tree over the cursors' first key prefixes) is a stable sort of its runs, whatever k. */
class RunMergerTest {
    private static final StructType SCHEMA = StructType.fromDDL("k DOUBLE, s STRING, origin INT");
    private static final List<SortOrder> ORDERS = List.of(
            SortOrder.desc(new BoundColumn(0, "k", DataTypes.DOUBLE, true)),
            SortOrder.asc(new BoundColumn(1, "s", DataTypes.STRING, true)));

    @Test void mergesAnyNumberOfRunsStablyWithTiesAndNulls() {
        Random random = new Random(7);
        for (int k : new int[] {1, 2, 3, 5, 8, 13, 24, 33}) {
            List<RunCursor> cursors = new ArrayList<>();
            List<Object[]> all = new ArrayList<>();
            RowOrdering ordering = new RowOrdering(ORDERS);
            for (int r = 0; r < k; r++) {
                int rows = random.nextInt(300);
                FlatVector[] cols = {Vectors.allocate(DataTypes.DOUBLE, rows), Vectors.allocate(DataTypes.STRING, rows),
                        Vectors.allocate(DataTypes.INT, rows)};
                for (int i = 0; i < rows; i++) {
                    // few distinct keys, so ties on both keys are common; some nulls (blocks without prefixes)
                    if (r % 4 == 3 && random.nextInt(20) == 0) cols[0].appendObject(null);
                    else cols[0].appendObject((double) random.nextInt(6));
                    cols[1].appendObject("id-" + random.nextInt(3));
                    cols[2].appendObject(all.size());
                    all.add(new Object[] {cols[0].isNull(i) ? null : cols[0].getDouble(i), "id-" + "", all.size()});
                }
                ColumnVector[] keys = {cols[0], cols[1]};
                int[] order = new int[rows];
                for (int i = 0; i < rows; i++) order[i] = i;
                KeyPrefixes prefix = ordering.prefixes(keys, rows);
                IntSorter.sort(order, 0, rows, (a, b) -> ordering.compare(prefix, keys, a, prefix, keys, b));
                cursors.add(RunCursor.of(new SortedRun(cols, keys, order, rows, prefix), 0, rows));
            }
            List<int[]> merged = new ArrayList<>();   // {origin}
            List<Object[]> keysOut = new ArrayList<>();
            try (RunMerger merger = new RunMerger(SCHEMA, ordering, 100, -1, cursors)) {
                for (Batch b = merger.next(); b != null; b = merger.next()) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        merged.add(new int[] {b.column(2).getInt(i)});
                        keysOut.add(new Object[] {b.column(0).isNull(i) ? null : b.column(0).getDouble(i),
                                new String(b.column(1).bytesArray(i), b.column(1).bytesStart(i), b.column(1).bytesLength(i),
                                        java.nio.charset.StandardCharsets.UTF_8), b.column(2).getInt(i)});
                    }
                }
            }
            // the reference: every row in input order (runs in order, rows in order), stably sorted by the keys
            List<Object[]> expected = new ArrayList<>(keysOut);
            Comparator<Object[]> byKeys = Comparator.<Object[], Double>comparing(o -> (Double) o[0],
                    Comparator.nullsLast(Comparator.<Double>reverseOrder())).thenComparing(o -> (String) o[1]);
            expected.sort(Comparator.<Object[], Integer>comparing(o -> (Integer) o[2]));
            expected.sort(byKeys);
            assertThat(keysOut).as("k=%d", k).hasSize(all.size());
            for (int i = 0; i < keysOut.size(); i++) assertThat(keysOut.get(i)[2]).as("k=%d row %d", k, i).isEqualTo(expected.get(i)[2]);
        }
    }
}
