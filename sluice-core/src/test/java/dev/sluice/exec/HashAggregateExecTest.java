package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.Sum;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partial phase on its own: states per group, and the memory it reserves while it builds its table. */
class HashAggregateExecTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v BIGINT");

    private static ScanExec scan(int rows, int distinctKeys) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, "a-rather-long-grouping-key-" + (i % distinctKeys), (long) i));
        MemorySource source = new MemorySource(SCHEMA, data, 500);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    private static HashAggregateExec partial(ExecNode input, MemoryPool pool) {
        Expression k = new BoundColumn(0, "k", DataTypes.STRING, true);
        ColumnRef v = new ColumnRef("v", DataTypes.LONG, true);
        List<AggregateExpression> aggregates = List.of(
                new AggregateExpression(new Count(List.of(v), true), false),
                new AggregateExpression(new Sum(v, true, true), false));
        BoundColumn bv = new BoundColumn(1, "v", DataTypes.LONG, true);
        return HashAggregateExec.partial(input, List.of(k), aggregates, List.of(List.of(bv), List.of(bv)), pool, 100);
    }

    private static TaskContext context() { return new TaskContext(1, 0, new AtomicBoolean(), new JobListener() { }); }

    @Test void emitsKeysAndStatesInOrderOfFirstAppearanceAndReleasesItsMemory() {
        MemoryPool pool = new MemoryPool(1 << 30);
        HashAggregateExec exec = partial(scan(500, 3), pool);
        assertThat(exec.schema().fieldNames()).containsExactly("k", "_state0_0", "_state1_0");
        try (BatchStream stream = exec.execute(0, context())) {
            Batch b = stream.next();
            assertThat(pool.used()).isPositive();
            assertThat(b.rowCount()).isEqualTo(3);
            assertThat(b.column(0).getString(0)).endsWith("-0");
            assertThat(b.column(0).getString(2)).endsWith("-2");
            assertThat(b.column(1).getLong(0)).isEqualTo(167);                          // rows 0, 3, ..., 498
            assertThat(b.column(2).getLong(1)).isEqualTo(167 + 3 * (166L * 167 / 2));     // 1 + 4 + ... + 499
            assertThat(stream.next()).isNull();
        }
        assertThat(pool.used()).isZero();
    }

    /**
     * A task whose flushed table barely reduced its rows (keys that hardly repeat) passes the rest of its rows through,
     * and so does every task of the same operator started after it, without growing a table of its own first; a new
     * operator over the same input still aggregates.
     */
    @Test void aTaskStartedAfterATableThatDidNotReduceItsRowsPassesItsRowsThrough() {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 3000; i++) data.add(Row.of(SCHEMA, "a-rather-long-grouping-key-" + i, (long) i));   // all distinct
        for (int i = 0; i < 3000; i++) data.add(Row.of(SCHEMA, "k" + (i % 3), (long) i));                      // 3 keys
        MemorySource source = new MemorySource(SCHEMA, data, 3000);
        ScanExec scan = new ScanExec(source, source.splits(), SCHEMA, List.of());
        MemoryPool pool = new MemoryPool(128 * 1024);   // a table of a thousand or so groups, then a flush
        HashAggregateExec exec = partial(scan, pool);
        assertThat(rowsOut(exec, 0)).as("distinct keys: passed through after the first flush").isEqualTo(3000);
        assertThat(rowsOut(exec, 1)).as("a later task passes through from its first row").isEqualTo(3000);
        assertThat(rowsOut(partial(scan, pool), 1)).as("a new operator aggregates again").isEqualTo(3);
        assertThat(pool.used()).isZero();
    }

    private static long rowsOut(HashAggregateExec exec, int partition) {
        long rows = 0;
        try (BatchStream stream = exec.execute(partition, context())) {
            for (var b = stream.next(); b != null; b = stream.next()) rows += b.rowCount();
        }
        return rows;
    }

    @Test void aPartialTableOverTheBudgetIsFlushedDownstreamAndGivesBackWhatItHeld() {
        MemoryPool pool = new MemoryPool(16 * 1024);
        HashAggregateExec exec = partial(scan(500, 500), pool);
        BatchStream stream = exec.execute(0, context());
        long rows = 0;
        for (var b = stream.next(); b != null; b = stream.next()) rows += b.rowCount();
        stream.close();
        assertThat(rows).isPositive();
        assertThat(pool.used()).isZero();
    }
}
