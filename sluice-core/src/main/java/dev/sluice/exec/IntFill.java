package dev.sluice.exec;

/** Runs of one value written into int arrays by the operators' per-row loops. */
final class IntFill {
    private IntFill() {}

    /**
     * {@code rows[at..at+take)} = {@code value}: an array's parent row repeated for its elements (2-3 on average in
     * Q2; {@link GenerateExec}), or a run's group id for its rows ({@link GroupTable}). A plain loop C1 inlines, where
     * {@code Arrays.fill} calls its range check.
     */
    static void repeat(int[] rows, int at, int take, int value) {
        for (int k = 0; k < take; k++) rows[at + k] = value;
    }
}
