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
 * own rows (no stale chains or matched flags), and a presized build side holds the same rows as a grown one.
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
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < probe.rowCount(); r++) {
            if (JoinHashTable.hasNullKey(keys, r, new boolean[] {false})) continue;
            long h = dev.sluice.expr.ValueHasher.hashRow(types, keys, r);
            for (int b = table.first(keys, r, h); b >= 0; b = table.next(b, keys, r, h)) out.add(table.column(1).getInt(b));
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
}
