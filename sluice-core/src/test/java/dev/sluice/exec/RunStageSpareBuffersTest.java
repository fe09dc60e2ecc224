package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emptied run buffers a finished sort task hands to the next one are reserved while they wait (before, they were
 * held outside the budget from one task's end to the next task's start), taken with their memory by the next task,
 * dropped when another consumer needs the memory, and released with the stage.
 */
class RunStageSpareBuffersTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");
    @TempDir Path dir;

    @Test void spareRunBuffersAreReservedUntilTheNextTaskTakesThem() {
        ExecNode scan = new ExecNode() {   // 4 partitions of 40 batches of 1,000 rows
            @Override public StructType schema() { return SCHEMA; }
            @Override public int partitionCount() { return 4; }
            @Override public List<ExecNode> children() { return List.of(); }
            @Override public String describe() { return "batches"; }

            @Override public BatchStream execute(int partition, TaskContext ctx) {
                return new BatchStream() {
                    int batches;

                    @Override public Batch next() {
                        if (batches++ == 40) return null;
                        FlatVector k = Vectors.allocate(DataTypes.STRING, 1000), v = Vectors.allocate(DataTypes.INT, 1000);
                        for (int i = 0; i < 1000; i++) {
                            int x = (batches * 1000 + i) * 7919 % 40_000;
                            k.appendObject("key-" + x);
                            v.appendObject(x);
                        }
                        return new Batch(new ColumnVector[] {k, v}, 1000);
                    }

                    @Override public void close() { }
                };
            }
        };
        List<SortOrder> orders = List.of(SortOrder.asc(new BoundColumn(1, "v", DataTypes.INT, false)));
        try (MemoryPool pool = new MemoryPool(512 << 10, dir, 200)) {
            List<Long> usedBetweenTasks = new ArrayList<>();
            StageRunner oneAfterAnother = (root, description, task) -> {
                for (int p = 0; p < root.partitionCount(); p++) {
                    if (p > 0) usedBetweenTasks.add(pool.used());
                    TaskContext ctx = new TaskContext(1, p, new AtomicBoolean(), new JobListener() { });
                    try (BatchStream s = root.execute(p, ctx)) {
                        task.run(p, s, ctx);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            RunStage stage = RunStage.run(scan, orders, new RowOrdering(orders), pool, -1, oneAfterAnother, "sort");
            try {
                assertThat(stage.spilled()).isTrue();
                assertThat(usedBetweenTasks).hasSize(3);
                // each task spilled and ended with its runs on disk: all that is reserved between tasks is the spare set
                assertThat(usedBetweenTasks).allSatisfy(u -> assertThat(u).isPositive());
                long spare = stage.spareBytes();
                assertThat(spare).isPositive();
                assertThat(pool.used()).isEqualTo(spare);

                // a consumer short of memory makes the stage drop them
                try (Reservation other = pool.newReservation("another operator")) {
                    other.grow(pool.budget());
                    assertThat(stage.spareBytes()).isZero();
                    assertThat(pool.used()).isEqualTo(pool.budget());
                }
            } finally {
                stage.release();
            }
            assertThat(pool.used()).isZero();
            assertThat(pool.spills().liveFiles()).isZero();
        }
    }
}
