package dev.sluice;

import dev.sluice.expr.WindowFrame;

import java.util.List;

/** Starts a {@link WindowSpec}, as Spark's {@code Window}: {@code Window.partitionBy("k").orderBy("o")}. */
public final class Window {
    private Window() {}

    /** The frame bound "first row of the partition". */
    public static long unboundedPreceding() { return WindowFrame.UNBOUNDED_PRECEDING; }

    /** The frame bound "last row of the partition". */
    public static long unboundedFollowing() { return WindowFrame.UNBOUNDED_FOLLOWING; }

    /** The frame bound "the current row" (its peers, for a range frame). */
    public static long currentRow() { return 0; }

    public static WindowSpec partitionBy(String... columnNames) { return empty().partitionBy(columnNames); }

    public static WindowSpec partitionBy(Column... columns) { return empty().partitionBy(columns); }

    /** No partitioning: the whole input is one window partition. */
    public static WindowSpec orderBy(String... columnNames) { return empty().orderBy(columnNames); }

    public static WindowSpec orderBy(Column... columns) { return empty().orderBy(columns); }

    public static WindowSpec rowsBetween(long start, long end) { return empty().rowsBetween(start, end); }

    public static WindowSpec rangeBetween(long start, long end) { return empty().rangeBetween(start, end); }

    private static WindowSpec empty() { return new WindowSpec(List.of(), List.of(), null); }
}
