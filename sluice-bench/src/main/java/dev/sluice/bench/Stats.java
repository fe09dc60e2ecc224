package dev.sluice.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, for the comparison table: robust to one slow run on a shared machine. */
final class Stats {
    private Stats() {}

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
