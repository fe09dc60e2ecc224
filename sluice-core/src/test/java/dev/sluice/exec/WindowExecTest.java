package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.io.MemorySource;
import dev.sluice.memory.MemoryPool;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window operator alone: it reserves what it buffers, and gives it all back. */
class WindowExecTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");
    private static final BoundColumn K = new BoundColumn(0, "k", DataTypes.STRING, true);
    private static final BoundColumn V = new BoundColumn(1, "v", DataTypes.INT, true);

    private static ScanExec scan(int rows) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) data.add(Row.of(SCHEMA, "key" + (i % 3), i));
        MemorySource source = new MemorySource(SCHEMA, data, 64);
        return new ScanExec(source, source.splits(), SCHEMA, List.of());
    }

    private static WindowExec window(int rows, MemoryPool pool) {
        WindowExpression rank = new WindowExpression(WindowExpression.Function.ROW_NUMBER, "row_number", List.of(), List.<Expression>of(K),
                List.of(SortOrder.asc(V)), null, false);
        ExecNode exchange = new ExchangeExec(scan(rows), new Partitioning.Hash(List.of(K), 2), new MemoryPool(1 << 26), 100);
        List<StructField> fields = new ArrayList<>(SCHEMA.fields());
        fields.add(new StructField("rn", DataTypes.INT, false));
        return new WindowExec(exchange, List.of(K), List.of(SortOrder.asc(V)), List.of(rank), new StructType(fields), pool, 100);
    }

    private static long run(ExecNode root) {
        long[] count = new long[1];
        try (Scheduler scheduler = new Scheduler(2)) {
            scheduler.run(root, "test", 0, (partition, stream, ctx) -> {
                long n = 0;
                for (Batch b = stream.next(); b != null; b = stream.next()) n += b.rowCount();
                synchronized (count) {
                    count[0] += n;
                }
                stream.close();
            });
        }
        return count[0];
    }

    @Test void aRefusedReservationIsAMemoryError() {
        assertThatThrownBy(() -> run(window(1000, new MemoryPool(2000))))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED));
    }

    @Test void everyRowComesOutAndTheMemoryIsReturned() {
        MemoryPool pool = new MemoryPool(1 << 26);
        assertThat(run(window(1000, pool))).isEqualTo(1000);
        assertThat(pool.peak()).isGreaterThan(0);
        assertThat(pool.used()).isZero();
    }
}
