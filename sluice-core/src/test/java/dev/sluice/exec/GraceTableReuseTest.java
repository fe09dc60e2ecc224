package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grace join's table reuse and sizing: a table built on the chain arrays of a previous one finds exactly its
 * own rows (no stale chains or matched flags), a presized build side holds the same rows as a grown one, and a table
 * whose columns are lent to the next one hands out copies, so refilling them changes no batch already handed out.
 */
class GraceTableReuseTest {
    private static final StructType BUILD = StructType.fromDDL("k STRING, v INT");
    private static final List<Expression> KEYS = List.of(new BoundColumn(0, "k", DataTypes.STRING, true));

    private static Batch batch(int from, int to, String prefix) {
        FlatVector k = Vectors.allocate(DataTypes.STRING, 16), v = Vectors.allocate(DataTypes.INT, 16);
        for (int i = from; i < to; i++) {
            k.appendObject(i % 97 == 0 ? null : prefix + i);
            v.appendObject(i);
        }
        return new Batch(new ColumnVector[] {k, v}, to - from);
    }

    private static List<Integer> matches(JoinHashTable table, Batch probe) {
        ColumnVector[] keys = {probe.column(0)};
        DataType[] types = {DataTypes.STRING};
        int n = probe.rowCount();
        long[] hashes = new long[n];
        boolean[] probing = new boolean[n];
        for (int r = 0; r < n; r++) {
            probing[r] = !JoinHashTable.hasNullKey(keys, r, new boolean[] {false});
            if (probing[r]) hashes[r] = dev.sluice.expr.ValueHasher.hashRow(types, keys, r);
        }
        int[] candidates = new int[n];
        table.candidates(hashes, probing, n, candidates);
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!probing[r]) continue;
            long h = hashes[r];
            for (int b = table.first(candidates[r], keys, r, h); b >= 0; b = table.next(b, keys, r, h)) out.add(table.column(1).getInt(b));
        }
        return out;
    }

    @Test void aTableOnRecycledChainsFindsOnlyItsOwnRows() {
        try (MemoryPool pool = new MemoryPool(1 << 26)) {
            Reservation reservation = pool.newReservation("test");
            JoinHashTable.Builder first = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation);
            first.add(batch(0, 5000, "a"));
            JoinHashTable big = first.finish(true);
            for (int b = 0; b < big.rowCount(); b += 3) big.markMatched(b);

            JoinHashTable.Builder second = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation, 1000);
            assertThat(second.tryAdd(batch(0, 700, "b"))).isTrue();    // sized for the 1000 expected rows at once
            assertThat(second.tryAdd(batch(700, 1000, "b"))).isTrue();
            JoinHashTable reused = second.finish(true, big.chains());
            JoinHashTable.Builder third = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation);
            third.add(batch(0, 1000, "b"));
            JoinHashTable fresh = third.finish(true);

            assertThat(matches(reused, batch(0, 5000, "a"))).isEmpty();   // the old rows are gone
            assertThat(matches(reused, batch(0, 1000, "b"))).isEqualTo(matches(fresh, batch(0, 1000, "b"))).hasSize(1000 - 11);
            for (int b = 0; b < reused.rowCount(); b++) assertThat(reused.isMatched(b)).isFalse();
            for (int b = 0; b < reused.rowCount(); b++) {
                assertThat(reused.column(0).getObject(b)).isEqualTo(fresh.column(0).getObject(b));
                assertThat(reused.column(1).getObject(b)).isEqualTo(fresh.column(1).getObject(b));
            }
            reservation.close();
        }
    }

    @Test void aTableThatLendsItsColumnsHandsOutCopiesAndTheNextTableRefillsThem() {
        try (MemoryPool pool = new MemoryPool(1 << 26)) {
            Reservation reservation = pool.newReservation("test");
            JoinHashTable.Builder first = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation, 1000);
            assertThat(first.tryAdd(batch(0, 500, "a"))).isTrue();    // sized for the 1000 expected rows at once
            assertThat(first.tryAdd(batch(500, 1000, "a"))).isTrue();
            JoinHashTable lending = first.finish(false, null, true);
            int[] ids = {5, 3, 999};
            ColumnVector keysOut = lending.output(0, ids, 3), valuesOut = lending.output(1, ids, 3);

            JoinHashTable.Builder second = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation, 800,
                    lending.lentColumns());
            assertThat(second.tryAdd(batch(0, 400, "b"))).isTrue();
            assertThat(second.tryAdd(batch(400, 800, "b"))).isTrue();
            JoinHashTable refilled = second.finish(false, lending.chains(), true);

            assertThat(refilled.column(0)).isSameAs(lending.column(0));   // the columns were refilled, not allocated
            assertThat(refilled.rowCount()).isEqualTo(800);
            assertThat(refilled.column(0).getObject(5)).isEqualTo("b5");
            // what the lending table handed out is unchanged
            assertThat(List.of(keysOut.getObject(0), keysOut.getObject(1), keysOut.getObject(2))).containsExactly("a5", "a3", "a999");
            assertThat(List.of(valuesOut.getObject(0), valuesOut.getObject(1), valuesOut.getObject(2))).containsExactly(5, 3, 999);
            assertThat(matches(refilled, batch(0, 800, "b"))).hasSize(800 - 9);
            assertThat(matches(refilled, batch(0, 1000, "a"))).isEmpty();

            // a table that does not lend its columns hands out views, as before
            JoinHashTable.Builder third = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation);
            third.add(batch(0, 10, "c"));
            assertThat(third.finish(false).lentColumns()).isNull();
            reservation.close();
        }
    }

    @Test void sparesFilledWithFarMoreRowsThanExpectedAreNotRefilled() {
        try (MemoryPool pool = new MemoryPool(1 << 26)) {
            Reservation reservation = pool.newReservation("test");
            JoinHashTable.Builder first = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation, 5000);
            assertThat(first.tryAdd(batch(0, 2500, "a"))).isTrue();
            assertThat(first.tryAdd(batch(2500, 5000, "a"))).isTrue();
            JoinHashTable lending = first.finish(false, null, true);
            JoinHashTable.Builder second = new JoinHashTable.Builder(BUILD, KEYS, new boolean[] {false}, reservation, 1000,
                    lending.lentColumns());
            assertThat(second.tryAdd(batch(0, 500, "b"))).isTrue();
            assertThat(second.tryAdd(batch(500, 1000, "b"))).isTrue();
            JoinHashTable fresh = second.finish(false, null, true);
            assertThat(fresh.column(0)).isNotSameAs(lending.column(0));   // 5000 rows' buffers are not kept for 1000
            assertThat(lending.column(0).getObject(4999)).isEqualTo("a4999");
            reservation.close();
        }
    }
}
