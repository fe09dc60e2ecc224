package dev.sluice.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer's file buffer (Parquet's row group, ORC's stripe) is sized to what the budget grants and reserved. */
class WriteBufferMemoryTest {
    /** A budget of {@code limit} bytes that records what is held. */
    private static final class Budget implements WriteMemory {
        final long limit;
        long held;
        int waitingReservations;

        Budget(long limit) { this.limit = limit; }

        @Override public boolean tryReserve(long bytes) {
            if (held + bytes > limit) return false;
            held += bytes;
            return true;
        }

        @Override public void reserve(long bytes) {
            waitingReservations++;
            held += bytes;
        }

        @Override public void release(long bytes) {
            assertThat(bytes).isLessThanOrEqualTo(held);
            held -= bytes;
        }
    }

    @Test void bufferIsSizedToWhatTheBudgetGrants() {
        Budget budget = new Budget(5L << 20);
        WriteBufferMemory memory = new WriteBufferMemory(budget);
        assertThat(memory.reserveBuffer(128L << 20)).isEqualTo(2L << 20);   // halved until its heap (twice) fits in 5 MiB
        assertThat(budget.held).isEqualTo(memory.reserved()).isEqualTo(4L << 20);
        memory.cover(1L << 20);                 // below the reservation: nothing more
        assertThat(budget.held).isEqualTo(4L << 20);
        memory.cover(3L << 20);                 // the writer overshot: the reservation follows it
        assertThat(budget.held).isEqualTo(6L << 20);
        memory.close();
        assertThat(budget.held).isZero();
    }

    @Test void refusedWriterFallsBackToTheSmallestBufferAndReservesItAnyway() {
        Budget budget = new Budget(0);
        WriteBufferMemory memory = new WriteBufferMemory(budget);
        assertThat(memory.reserveBuffer(64L << 20)).isEqualTo(WriteBufferMemory.MIN_BUFFER);
        assertThat(budget.waitingReservations).isEqualTo(1);
        assertThat(budget.held).isEqualTo(2 * WriteBufferMemory.MIN_BUFFER);
        memory.close();
        assertThat(budget.held).isZero();
    }
}
