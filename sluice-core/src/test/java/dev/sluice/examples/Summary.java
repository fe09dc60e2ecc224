package dev.sluice.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The counts of a run of Spark's examples, and the section of docs/functions.md that reports them. */
record Summary(ExampleFile file, Set<String> passed, Set<String> typed, Map<String, String> failures, Map<String, String> skips, int skipped) {
    static final String BEGIN = "<!-- spark-examples:begin -->";
    static final String END = "<!-- spark-examples:end -->";

    String line() {
        int total = file.examples().size();
        return String.format("%d of %d examples pass (%.1f%%; %d of them with Spark's result types too), %d fail, %d skipped",
                passed.size(), total, 100.0 * passed.size() / total, typed.size(), failures.size(), skipped);
    }

    /** Functions none of whose examples pass (unknown to Sluice or failing), by Spark's group. */
    Map<String, Set<String>> missing() {
        Map<String, Set<String>> out = new TreeMap<>();
        Map<String, Boolean> any = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        for (ExampleFile.Example ex : file.examples()) {
            groups.put(ex.function(), ex.group());
            any.merge(ex.function(), passed.contains(ex.id()) || skips.containsKey(ex.function()) || skips.containsKey(ex.id()), Boolean::logicalOr);
        }
        any.forEach((fn, ok) -> {
            if (!ok) out.computeIfAbsent(groups.get(fn), g -> new TreeSet<>()).add(fn);
        });
        return out;
    }

    String markdown(String existing) {
        StringBuilder sb = new StringBuilder(BEGIN).append("\n");
        sb.append("**").append(line()).append("** (`SparkExamplesTest`; Spark's output from `SparkExamplesGenerator`).\n\n");
        sb.append("Skipped, with reasons (`sluice-core/src/test/resources/spark-examples/skips.txt`):\n\n");
        skips.forEach((k, v) -> sb.append("- `").append(k).append("`: ").append(v).append('\n'));
        sb.append("\nFunctions with no passing example, by Spark's group:\n\n");
        missing().forEach((g, fns) -> {
            List<String> names = new ArrayList<>();
            for (String f : fns) names.add("`" + f + "`");
            sb.append("- ").append(g).append(" (").append(fns.size()).append("): ").append(String.join(", ", names)).append('\n');
        });
        sb.append(END).append('\n');
        int b = existing.indexOf(BEGIN), e = existing.indexOf(END);
        if (b >= 0 && e > b) return existing.substring(0, b) + sb + existing.substring(e + END.length() + 1);
        return existing + (existing.isEmpty() ? "" : "\n") + sb;
    }

    String failureList() {
        StringBuilder sb = new StringBuilder();
        failures.forEach((id, why) -> sb.append(id).append('\t').append(why).append('\n'));
        return sb.toString();
    }
}
