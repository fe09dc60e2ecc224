package dev.sluice.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The closest existing names to a misspelled one (edit distance), for "did you mean" messages. */
public final class NameSuggestions {
    private NameSuggestions() {}

    public static List<String> closest(String name, List<String> candidates, int max) {
        String target = name.toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((String c) -> dev.sluice.error.EditDistance.between(target, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c));
        return sorted.subList(0, Math.min(max, sorted.size()));
    }

    /** " Did you mean `a`, `b`?" or an empty string. */
    public static String didYouMean(String name, List<String> candidates) {
        List<String> best = closest(name, candidates, 3);
        if (best.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" Did you mean ");
        for (int i = 0; i < best.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('`').append(best.get(i)).append('`');
        }
        return sb.append('?').toString();
    }
}
