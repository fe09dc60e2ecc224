package dev.sluice.io;

/**
 * Memory that a reader takes for a buffer growing with its input (a line longer than the read buffer), charged to
 * the session's memory budget, so that a 1 GB line either fits in the budget or fails with LIMIT_EXCEEDED naming
 * it, never with an OutOfMemoryError. The scan makes its budget current around every call into its reader
 * ({@link BufferBudgetScope}); readers charge growth through {@link BufferBudgetScope#current()}. The memory pool
 * lives above io, so exec implements this over it; outside a scan (schema inference) nothing is charged.
 */
public interface BufferBudget {
    /** What one buffer holds of the budget: it grows with the buffer and is released when the reader closes. */
    interface Charge extends AutoCloseable {
        /** Charges {@code bytes} more; false when the budget cannot give them, even after others spilled. */
        boolean tryGrow(long bytes);

        /** Bytes charged so far. */
        long bytes();

        @Override void close();
    }

    /** A new, empty charge for {@code owner} (named in memory reports). */
    Charge open(String owner);

    /** The limit as an error states it: the budget's size and what is in use. */
    String describe();

    /** Charges nothing, refuses nothing: used outside scans. */
    BufferBudget UNLIMITED = new BufferBudget() {
        @Override public Charge open(String owner) {
            return new Charge() {
                long bytes;

                @Override public boolean tryGrow(long more) {
                    bytes += more;
                    return true;
                }

                @Override public long bytes() { return bytes; }

                @Override public void close() { bytes = 0; }
            };
        }

        @Override public String describe() { return "no budget"; }
    };
}
