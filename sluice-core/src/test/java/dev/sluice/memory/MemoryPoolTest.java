package dev.sluice.memory;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool's protocol: fair shares, spill the requester, spill or ask the others, wait, then fail. */
class MemoryPoolTest {
    @TempDir Path dir;

    @Test void aSpillableConsumerOverItsShareIsToldToSpill() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, 100)) {
            Reservation a = pool.newSpillableReservation("a", () -> false);
            Reservation b = pool.newSpillableReservation("b", () -> false);
            assertThat(a.tryGrow(400)).isTrue();
            try (OtherTask other = new OtherTask(() -> assertThat(b.tryGrow(100)).isTrue())) {
                assertThat(a.tryGrow(200)).as("over 1/2 of the budget with two tasks").isFalse();
                a.shrink(400);   // it spilled
                assertThat(a.tryGrow(200)).isTrue();
            }
        }
    }

    /**
     * The budget is shared between tasks, not reservations: a task's helper reservation (its spill partitions'
     * buffers) does not cut the share of its operator. Before, M2's final aggregations got a third of the budget
     * whenever the other task's spill partitions held buffers, and their grace partitions spilled again.
     */
    @Test void theReservationsOfOneTaskTakeOneShare() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, 100)) {
            Reservation table = pool.newSpillableReservation("aggregate", () -> false);
            Reservation buffers = pool.newReservation("spill partition buffers");
            Reservation other = pool.newSpillableReservation("other task's aggregate", () -> false);
            assertThat(buffers.tryGrow(100)).isTrue();
            try (OtherTask task = new OtherTask(() -> assertThat(other.tryGrow(100)).isTrue())) {
                assertThat(table.tryGrow(450)).as("within 1/2 of the budget: two tasks").isTrue();
                assertThat(table.tryGrow(100)).as("over 1/2").isFalse();
            }
        }
    }

    /** A task on a thread of its own that stays alive (holding its reservations) until closed. */
    private static final class OtherTask implements AutoCloseable {
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        OtherTask(Runnable work) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            thread = new Thread(() -> {
                work.run();
                started.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }

    /**
     * An owner that refills its buffers after a spill (a sort's run buffers) keeps their reservation only within its
     * fair share and while nobody waits for memory; otherwise it gives everything back.
     */
    @Test void buffersKeptAfterASpillStayWithinTheShareAndGoWhenOthersWait() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, 5_000)) {
            Reservation a = pool.newSpillableReservation("a", () -> false);
            assertThat(a.tryGrow(600)).isTrue();
            Reservation b = pool.newSpillableReservation("b", () -> false);
            try (OtherTask other = new OtherTask(() -> assertThat(b.tryGrow(100)).isTrue())) {   // shares count tasks
                assertThat(a.shrinkRetaining(550)).as("over half the budget with two tasks").isFalse();
                assertThat(a.bytes()).isZero();
                assertThat(a.tryGrow(450)).isTrue();
                assertThat(a.shrinkRetaining(400)).as("within its share, nobody waiting").isTrue();
                assertThat(a.bytes()).isEqualTo(400);
                assertThat(pool.used()).isEqualTo(500);
            }
            assertThat(b.tryGrow(400)).isTrue();
            // c waits for memory (it holds none, so it is below its minimum share): a may not keep what it spilled
            Reservation c = pool.newReservation("c");
            CountDownLatch waiting = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                waiting.countDown();
                c.grow(300);
            });
            t.start();
            waiting.await();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pool.waits() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(a.shrinkRetaining(300)).isFalse();
            t.join(5_000);
            assertThat(c.bytes()).isEqualTo(300);
        }
    }

    @Test void sharedSpillersAreSpilledBeforeWaiting() {
        try (MemoryPool pool = new MemoryPool(1000, dir, 5_000)) {
            Reservation buffers = pool.newSpillableReservation("exchange", () -> false);
            assertThat(buffers.tryGrow(900)).isTrue();
            AtomicInteger spills = new AtomicInteger();
            buffers.setSharedSpiller(() -> {
                spills.incrementAndGet();
                buffers.shrink(buffers.bytes());
            });
            Reservation sort = pool.newSpillableReservation("sort", () -> false);
            long start = System.nanoTime();
            sort.grow(500);
            assertThat(spills.get()).isEqualTo(1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
            assertThat(pool.used()).isEqualTo(500);
        }
    }

    /**
     * Buffers whose task has finished (an exchange's buckets) take no share of the budget: a running task gets
     * its share by having them written out, instead of being told to spill at a sliver of the budget.
     */
    @Test void detachedBuffersTakeNoFairShare() throws Exception {
        try (MemoryPool pool = new MemoryPool(1000, dir, 5_000)) {
            AtomicInteger spills = new AtomicInteger();
            Thread mapTask = new Thread(() -> {
                for (int i = 0; i < 4; i++) {   // one bucket set per finished input task
                    Reservation buckets = pool.newSpillableReservation("exchange", () -> false);
                    assertThat(buckets.tryGrow(200)).isTrue();
                    buckets.setSharedSpiller(() -> {
                        spills.incrementAndGet();
                        buckets.shrink(buckets.bytes());
                    });
                    buckets.detachFromTask();
                }
            });
            mapTask.start();
            mapTask.join();
            Reservation join = pool.newSpillableReservation("hash join build side", () -> false);
            assertThat(join.tryGrow(100)).isTrue();
            // with the four buffers counted it would be one of five consumers (a share of 200 bytes) and told to spill
            assertThat(join.tryGrow(300)).as("within its share of a single running task").isTrue();
            assertThat(spills.get()).isPositive();
            assertThat(join.tryGrow(700)).as("over the whole budget").isFalse();
            join.close();
        }
    }

    @Test void aShareGrowsAsSoonAsAnotherTasksReservationIsDetached() throws Exception {
        // the pool caches how many tasks share the budget; detaching a reservation must count them again
        try (MemoryPool pool = new MemoryPool(1000, dir, 5_000)) {
            Reservation mine = pool.newSpillableReservation("sort", () -> false);
            assertThat(mine.tryGrow(100)).isTrue();
            Reservation[] theirs = new Reservation[1];
            Thread other = new Thread(() -> {
                theirs[0] = pool.newSpillableReservation("exchange", () -> false);
                assertThat(theirs[0].tryGrow(100)).isTrue();
            });
            other.start();
            other.join();
            assertThat(mine.tryGrow(450)).as("over half the budget with two tasks").isFalse();
            theirs[0].detachFromTask();
            assertThat(mine.tryGrow(450)).as("the only task left").isTrue();
            mine.close();
            theirs[0].close();
        }
    }

    @Test void nothingToFreeIsMemoryExhaustedAfterABoundedWait() {
        try (MemoryPool pool = new MemoryPool(1000, dir, 50)) {
            Reservation a = pool.newReservation("a");
            a.grow(800);
            Reservation b = pool.newReservation("b");
            assertThatThrownBy(() -> b.grow(300))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED));
            a.close();
            b.grow(300);
            assertThat(pool.used()).isEqualTo(300);
        }
    }

    @Test void aCancelledWaitEndsEarly() {
        try (MemoryPool pool = new MemoryPool(1000, dir, 60_000)) {
            pool.newReservation("a").grow(1000);
            Reservation b = pool.newSpillableReservation("b", () -> true);
            long start = System.nanoTime();
            assertThat(b.tryGrow(10)).isFalse();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        }
    }

    /** A task that took the whole budget while alone is asked to spill when another arrives: neither starves. */
    @Test void concurrentTasksDoNotStarve() throws Exception {
        try (MemoryPool pool = new MemoryPool(1 << 20, dir, 10_000)) {
            int tasks = 4;
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger[] grants = new AtomicInteger[tasks];
            AtomicInteger[] spills = new AtomicInteger[tasks];
            CountDownLatch started = new CountDownLatch(tasks);
            Thread[] threads = new Thread[tasks];
            for (int t = 0; t < tasks; t++) {
                grants[t] = new AtomicInteger();
                spills[t] = new AtomicInteger();
                int id = t;
                threads[t] = new Thread(() -> {
                    Reservation r = pool.newSpillableReservation("task " + id, stop::get);
                    started.countDown();
                    while (!stop.get()) {
                        if (r.tryGrow(16 * 1024)) {
                            grants[id].incrementAndGet();
                        } else {
                            spills[id].incrementAndGet();
                            r.shrink(r.bytes());   // spill everything, then carry on
                        }
                    }
                    r.close();
                });
                threads[t].start();
                if (t == 0) Thread.sleep(50);   // the first task has the pool to itself for a while
            }
            started.await();
            Thread.sleep(500);
            stop.set(true);
            for (Thread th : threads) th.join(10_000);
            for (int t = 0; t < tasks; t++) {
                assertThat(grants[t].get()).as("task %d got memory", t).isPositive();
                assertThat(spills[t].get()).as("task %d had to spill", t).isPositive();
            }
            assertThat(pool.used()).isZero();
            assertThat(pool.peak()).isLessThanOrEqualTo(1 << 20);
        }
    }
}
