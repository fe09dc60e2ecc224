package dev.sluice.types;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs recursive work over deeply nested text (a DDL string with hundreds of levels) on a thread with a large stack:
 * a caller's thread may have as little as 1 MiB, and compiled recursive code can take more stack per level than
 * interpreted code. The stack is reserved, not committed: memory is used only as deep as the work goes.
 */
public final class LargeStack {
    /** Property {@code sluice.largeStackBytes}, default 256 MiB. */
    public static final long STACK_BYTES = Long.getLong("sluice.largeStackBytes", 256L << 20);

    private LargeStack() {}

    public static <T> T call(String name, Supplier<T> work) {
        return call(name, STACK_BYTES, work);
    }

    /** Runs {@code work} on a thread named {@code name} with {@code stackBytes} of stack; its failure is rethrown here. */
    public static <T> T call(String name, long stackBytes, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name, stackBytes);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IllegalStateException(f);
        return result.get();
    }
}
