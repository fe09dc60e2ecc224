package dev.sluice.expr;

import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

/** The shared evaluation of AND and OR: {@code dominant} is the value that decides alone (false for AND). */
final class Logic {
    private Logic() {}

    static ColumnVector combine(Expression left, Expression right, Batch batch, boolean dominant) {
        ColumnVector a = left.evaluate(batch);
        int n = batch.rowCount();
        int[] undecided = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || a.getBoolean(i) != dominant) undecided[count++] = i;
        }
        ColumnVector b = Kernels.evaluateOn(right, batch, undecided, count);
        BooleanVector out = Kernels.booleans(n);
        for (int i = 0; i < n; i++) {
            boolean na = a.isNull(i);
            if (!na && a.getBoolean(i) == dominant) {
                out.append(dominant);
                continue;
            }
            boolean nb = b.isNull(i);
            if (!nb && b.getBoolean(i) == dominant) out.append(dominant);
            else if (na || nb) out.appendNull();
            else out.append(!dominant);
        }
        return out;
    }
}
