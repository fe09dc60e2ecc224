package dev.sluice.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks that wait in the pool for each other: each holds less than its minimum share, the rest of the budget is
 * held by a consumer nobody is running any more (an exchange's buffers, whose task finished). Waiting cannot
 * help, since every consumer that could release memory is waiting too, so one of them spills itself at once
 * instead of every wait running into the pool's timeout (the M2 hang at 10M rows).
 */
class MutualWaitTest {
    private static final long FOREVER = 60_000;

    @TempDir Path dir;

    @Test void twoTasksWaitingForEachOtherDoNotWaitOut() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, FOREVER)) {
            holdFromAFinishedThread(pool, 800);
            CountDownLatch holding = new CountDownLatch(2);
            AtomicInteger spills = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] tasks = new Thread[2];
            for (int t = 0; t < tasks.length; t++) {
                int id = t;
                tasks[t] = new Thread(() -> {
                    try (Reservation r = pool.newSpillableReservation("task " + id, () -> false)) {
                        assertThat(r.tryGrow(50)).isTrue();
                        holding.countDown();
                        holding.await();
                        // 50 + 110 is below the minimum share (1000 / (2 * 3)), and only 100 bytes are free
                        while (!r.tryGrow(110)) {
                            spills.incrementAndGet();
                            r.shrink(r.bytes());   // spilled its state
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "task-" + t);
                tasks[t].start();
            }
            long start = System.nanoTime();
            for (Thread t : tasks) t.join(10_000);
            assertThat(tasks).allSatisfy(t -> assertThat(t.isAlive()).as("%s still waiting", t.getName()).isFalse());
            assertThat(failure.get()).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            assertThat(spills.get()).as("one task gave way").isPositive();
            assertThat(pool.used()).isEqualTo(800);
        }
    }

    @Test void aTaskDoesNotWaitForMemoryOnlyItsOwnThreadCouldRelease() {
        try (MemoryPool pool = new MemoryPool(1000, dir, FOREVER)) {
            // an operator of this task holds most of the budget (a window's output waiting to be read, say)
            Reservation upstream = pool.newSpillableReservation("upstream", () -> false);
            assertThat(upstream.tryGrow(900)).isTrue();
            Reservation downstream = pool.newSpillableReservation("downstream", () -> false);
            assertThat(downstream.tryGrow(50)).isTrue();
            long start = System.nanoTime();
            assertThat(downstream.tryGrow(100)).as("told to spill instead of waiting").isFalse();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            downstream.close();
            upstream.close();
        }
    }

    /** Buffers whose task has finished (detached) are released by their readers only: nobody to wait for. */
    @Test void detachedBuffersAreNotWaitedFor() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, FOREVER)) {
            CountDownLatch filled = new CountDownLatch(1);
            CountDownLatch end = new CountDownLatch(1);
            Thread worker = new Thread(() -> {   // a worker thread that stays alive, as a pool's threads do
                Reservation buffers = pool.newSpillableReservation("exchange buckets", () -> false);
                assertThat(buffers.tryGrow(800)).isTrue();
                buffers.detachFromTask();
                filled.countDown();
                try {
                    end.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                buffers.close();
            });
            worker.start();
            filled.await();
            try (Reservation r = pool.newSpillableReservation("aggregate", () -> false)) {
                assertThat(r.tryGrow(50)).isTrue();
                long start = System.nanoTime();
                // 50 + 200 is its minimum share (1000 / (2 * 2)), and only 150 bytes are free
                assertThat(r.tryGrow(200)).as("told to spill instead of waiting").isFalse();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            } finally {
                end.countDown();
                worker.join();
            }
        }
    }

    /** Memory held by a consumer whose thread has finished: nobody will release it while others wait. */
    private static void holdFromAFinishedThread(MemoryPool pool, long bytes) throws InterruptedException {
        Thread owner = new Thread(() -> assertThat(pool.newSpillableReservation("finished task's buffers", () -> false).tryGrow(bytes)).isTrue());
        owner.start();
        owner.join();
    }
}
