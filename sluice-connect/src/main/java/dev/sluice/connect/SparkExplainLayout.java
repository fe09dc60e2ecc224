package dev.sluice.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * Sluice's explain text in the layout Spark's clients know: plan trees drawn with Spark's {@code +- } and {@code :- }
 * branches instead of indentation, operators named as Spark names them ({@code InMemoryTableScan [id], ...} for
 * Sluice's {@code InMemoryTableScanExec: [id], ...}), and the extended mode's sections headed as Spark's, starting
 * with {@code == Parsed Logical Plan ==} (a DataFrame's plan is analyzed as it is built, so it is the analyzed plan).
 * The operators and their details stay Sluice's. The formatted mode already draws Spark's tree and is left alone.
 */
final class SparkExplainLayout {
    private SparkExplainLayout() {}

    static String of(String sluiceText, String mode) {
        if (mode.equals("formatted")) return sluiceText;
        List<String> out = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        List<String> analyzed = null;
        boolean inAnalyzed = false;
        for (String line : sluiceText.split("\n", -1)) {
            if (line.startsWith("== ") && line.endsWith(" ==")) {
                analyzed = drawn(flush(tree, out), inAnalyzed, analyzed);
                inAnalyzed = line.equals("== Analyzed Logical Plan ==");
                if (inAnalyzed) out.add("== Parsed Logical Plan ==\u0000");   // filled in once the analyzed tree is drawn
                out.add(line);
            } else if (line.isEmpty()) {
                analyzed = drawn(flush(tree, out), inAnalyzed, analyzed);
                out.add(line);
            } else {
                tree.add(line);
            }
        }
        analyzed = drawn(flush(tree, out), inAnalyzed, analyzed);
        List<String> result = new ArrayList<>();
        for (String line : out) {
            if (line.equals("== Parsed Logical Plan ==\u0000")) {
                result.add("== Parsed Logical Plan ==");
                if (analyzed != null) result.addAll(analyzed);
                result.add("");
            } else {
                result.add(line);
            }
        }
        return String.join("\n", result);
    }

    private static List<String> drawn(List<String> tree, boolean inAnalyzed, List<String> analyzed) {
        return tree != null && inAnalyzed ? tree : analyzed;
    }

    /** Draws the indented tree lines gathered so far in Spark's layout into {@code out}; null when there were none. */
    private static List<String> flush(List<String> tree, List<String> out) {
        if (tree.isEmpty()) return null;
        List<String> drawn = draw(tree);
        out.addAll(drawn);
        tree.clear();
        return drawn;
    }

    /** Lines indented two spaces per level, one node each (an unindented line that is no node is kept as it is). */
    static List<String> draw(List<String> lines) {
        int n = lines.size();
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            String l = lines.get(i);
            int spaces = 0;
            while (spaces < l.length() && l.charAt(spaces) == ' ') spaces++;
            depth[i] = spaces / 2;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder prefix = new StringBuilder();
            for (int level = 1; level <= depth[i]; level++) {
                boolean last = !hasLaterSibling(depth, i, level);
                if (level == depth[i]) prefix.append(last ? "+- " : ":- ");
                else prefix.append(last ? "   " : ":  ");
            }
            out.add(prefix + sparkName(lines.get(i).strip()));
        }
        return out;
    }

    /** Whether the ancestor of line {@code i} at {@code level} (or line i itself) has a sibling after it. */
    private static boolean hasLaterSibling(int[] depth, int i, int level) {
        for (int j = i + 1; j < depth.length; j++) {
            if (depth[j] < level) return false;
            if (depth[j] == level) return true;
        }
        return false;
    }

    /** {@code FilterExec: (x > 1)} as Spark prints it, {@code Filter (x > 1)}; {@code Project: [a]}, {@code Project [a]}. */
    static String sparkName(String node) {
        int end = 0;
        while (end < node.length() && Character.isLetterOrDigit(node.charAt(end))) end++;
        String name = node.substring(0, end);
        String rest = node.substring(end);
        if (name.endsWith("Exec") && name.length() > 4) name = name.substring(0, name.length() - 4);
        if (rest.startsWith(": ")) rest = " " + rest.substring(2);
        else if (rest.equals(":")) rest = "";
        return name + rest;
    }
}
