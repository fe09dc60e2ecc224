package dev.sluice.io;

/** Makes a {@link BufferBudget} current on this thread while a scan calls into its reader; close to restore the previous one. */
public final class BufferBudgetScope implements AutoCloseable {
    private static final ThreadLocal<BufferBudget> CURRENT = new ThreadLocal<>();

    private final BufferBudget previous;
    private boolean closed;

    private BufferBudgetScope(BufferBudget previous) { this.previous = previous; }

    public static BufferBudgetScope enter(BufferBudget budget) {
        BufferBudgetScope scope = new BufferBudgetScope(CURRENT.get());
        CURRENT.set(budget);
        return scope;
    }

    /** The budget of the scan calling into a reader on this thread; {@link BufferBudget#UNLIMITED} outside scans. */
    public static BufferBudget current() {
        BufferBudget b = CURRENT.get();
        return b != null ? b : BufferBudget.UNLIMITED;
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
