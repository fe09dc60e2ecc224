package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.plan.JoinType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ConstantVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hash join under a projection of plain columns leaves the columns nobody reads unbuilt (a NULL constant), and
 * the columns it reads hold the same rows as before, in memory and when the join spills (lent grace tables).
 */
class JoinReadColumnsTest {
    private static final StructType LEFT = StructType.fromDDL("k STRING, a INT");
    private static final StructType RIGHT = StructType.fromDDL("k2 STRING, b STRING");
    private static final StructType OUT = StructType.fromDDL("k STRING, a INT, k2 STRING, b STRING");

    private static ExecNode exchanged(StructType schema, List<Row> rows, MemoryPool pool) {
        MemorySource source = new MemorySource(schema, rows, 500);
        ScanExec scan = new ScanExec(source, source.splits(), schema, List.of());
        return new ExchangeExec(scan, new Partitioning.Hash(List.of(new BoundColumn(0, "k", DataTypes.STRING, true)), 3), pool, 128);
    }

    private static ShuffledHashJoinExec join(JoinType type, MemoryPool pool) {
        List<Row> left = new ArrayList<>(), right = new ArrayList<>();
        for (int i = 0; i < 6000; i++) left.add(Row.of(LEFT, "key-" + (i % 4000), i));
        for (int i = 0; i < 5000; i++) right.add(Row.of(RIGHT, "key-" + (i % 4500), "value-" + i));
        JoinSpec spec = new JoinSpec(type, List.of(new BoundColumn(0, "k", DataTypes.STRING, true)),
                List.of(new BoundColumn(0, "k2", DataTypes.STRING, true)), new boolean[] {false}, null, true, OUT, LEFT, RIGHT, 128);
        return new ShuffledHashJoinExec(exchanged(LEFT, left, pool), exchanged(RIGHT, right, pool), spec, pool);
    }

    /** Rows of {@code node} as "a|b" (the read columns); fails when an unread column is not a NULL constant. */
    private static List<String> rows(ExecNode node, boolean unreadAreNull) {
        List<String> out = new ArrayList<>();
        try (Scheduler scheduler = new Scheduler(2)) {
            scheduler.run(node, "test", 0, (partition, stream, ctx) -> {
                List<String> part = new ArrayList<>();
                for (Batch b = stream.next(); b != null; b = stream.next()) {
                    for (int c : new int[] {0, 2}) {
                        if (!unreadAreNull) continue;
                        assertThat(b.column(c)).isInstanceOf(ConstantVector.class);
                        for (int r = 0; r < b.rowCount(); r++) assertThat(b.column(c).isNull(r)).isTrue();
                    }
                    for (int r = 0; r < b.rowCount(); r++) part.add(b.column(1).getObject(r) + "|" + b.column(3).getObject(r));
                }
                synchronized (out) {
                    out.addAll(part);
                }
            });
        }
        out.sort(null);
        return out;
    }

    private static List<Expression> readAandB() {
        return List.of(new BoundColumn(1, "a", DataTypes.INT, true), new BoundColumn(3, "b", DataTypes.STRING, true));
    }

    @Test void unreadColumnsAreNullConstantsAndReadOnesUnchangedInMemoryAndSpilled() {
        for (long budget : new long[] {1 << 26, 256 << 10}) {
            for (JoinType type : new JoinType[] {JoinType.INNER, JoinType.LEFT_OUTER, JoinType.FULL_OUTER}) {
                try (MemoryPool pool = new MemoryPool(budget)) {
                    List<String> all = rows(join(type, pool), false);
                    ExecNode narrowed = JoinPlanner.readBy(join(type, pool), readAandB());
                    assertThat(narrowed).isInstanceOf(ShuffledHashJoinExec.class);
                    // an outer join's unmatched rows carry the columns as they were (NULLs or values): only pairs are narrowed
                    List<String> read = rows(narrowed, type == JoinType.INNER);
                    assertThat(read).as("%s at %d bytes", type, budget).isEqualTo(all).hasSizeGreaterThan(4000);
                }
            }
        }
    }

    @Test void aJoinUnderACountReadsNoColumnAndCountsEveryPair() {
        try (MemoryPool pool = new MemoryPool(256 << 10)) {
            ExecNode narrowed = JoinPlanner.readBy(join(JoinType.INNER, pool), List.of());
            long[] rows = {0};
            try (Scheduler scheduler = new Scheduler(2)) {
                scheduler.run(narrowed, "test", 0, (partition, stream, ctx) -> {
                    long n = 0;
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        for (int c = 0; c < 4; c++) assertThat(b.column(c)).isInstanceOf(ConstantVector.class);
                        n += b.rowCount();
                    }
                    synchronized (rows) {
                        rows[0] += n;
                    }
                });
            }
            // keys 0..3999 on the left (6000 rows: 2000 keys twice), 0..4499 on the right (500 keys twice)
            long expected = 0;
            for (int key = 0; key < 4000; key++) expected += (key < 2000 ? 2 : 1) * (key < 500 ? 2 : 1);
            assertThat(rows[0]).isEqualTo(expected);
        }
    }

    @Test void projectionsThatAreNotPlainColumnsOrReadEverythingLeaveTheJoinAsItIs() {
        try (MemoryPool pool = new MemoryPool(1 << 26)) {
            ShuffledHashJoinExec join = join(JoinType.INNER, pool);
            Expression computed = FunctionCall.of("upper", new BoundColumn(3, "b", DataTypes.STRING, true));
            assertThat(JoinPlanner.readBy(join, List.of(computed))).isSameAs(join);
            List<Expression> every = new ArrayList<>();
            for (int c = 0; c < OUT.size(); c++) every.add(new BoundColumn(c, OUT.field(c).name(), OUT.field(c).dataType(), true));
            assertThat(JoinPlanner.readBy(join, every)).isSameAs(join);
        }
    }
}
