package dev.sluice.exec;

import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator tree in the shapes of Spark's {@code explain("formatted")} and of Sluice's {@code explain("analyze")}.
 * Formatted: the tree with each operator numbered (children first, as Spark), then one section per operator with its
 * input and output columns and its arguments. Analyzed: the tree with what each operator did in the run that just
 * ended (rows, batches, time, spill), from the same operator metrics the job report reads.
 */
public final class FormattedExplain {
    private FormattedExplain() {}

    /** Spark's formatted shape. */
    public static String formatted(ExecNode root) {
        Map<ExecNode, Integer> ids = new IdentityHashMap<>();
        List<ExecNode> order = new ArrayList<>();
        number(root, ids, order);
        StringBuilder sb = new StringBuilder();
        tree(sb, root, "", "", node -> name(node) + " (" + ids.get(node) + ")");
        sb.append("\n\n");
        for (ExecNode node : order) {
            sb.append('(').append(ids.get(node)).append(") ").append(name(node)).append('\n');
            List<ExecNode> children = node.children();
            if (children.isEmpty()) {
                sb.append(columns("Output", node.schema()));
            } else {
                for (ExecNode child : children) sb.append(columns("Input", child.schema()));
                if (children.size() != 1 || !children.get(0).schema().equals(node.schema())) sb.append(columns("Output", node.schema()));
            }
            String arguments = arguments(node);
            if (!arguments.isEmpty()) sb.append("Arguments: ").append(arguments).append('\n');
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The tree with each operator's metrics from the run that just ended. */
    public static String analyzed(ExecNode root) {
        StringBuilder sb = new StringBuilder();
        tree(sb, root, "", "", node -> node.describe() + "  " + metrics(node));
        return sb.toString();
    }

    private static String metrics(ExecNode node) {
        OperatorMetrics m = Metered.metricsOf(node);
        if (m == null) return "[no metrics]";
        long own = m.inclusiveNanos();
        for (ExecNode child : node.children()) {
            OperatorMetrics c = Metered.metricsOf(child);
            if (c != null) own -= c.inclusiveNanos();
        }
        return String.format(java.util.Locale.ROOT, "[rows=%d, batches=%d, partitions=%d, time=%.1f ms, spill=%d bytes in %d files]",
                m.rows(), m.batches(), m.partitions(), Math.max(0, own) / 1e6, m.spillBytes(), m.spillFiles());
    }

    private static void number(ExecNode node, Map<ExecNode, Integer> ids, List<ExecNode> order) {
        for (ExecNode child : node.children()) number(child, ids, order);
        ids.put(node, ids.size() + 1);
        order.add(node);
    }

    /** Spark's tree drawing: {@code +- } before a last child, {@code :- } before the others. */
    private static void tree(StringBuilder sb, ExecNode node, String prefix, String childPrefix, java.util.function.Function<ExecNode, String> label) {
        sb.append(prefix).append(label.apply(node)).append('\n');
        List<ExecNode> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            tree(sb, children.get(i), childPrefix + (last ? "+- " : ":- "), childPrefix + (last ? "   " : ":  "), label);
        }
    }

    private static String name(ExecNode node) {
        String d = node.describe();
        int colon = d.indexOf(':');
        return colon < 0 ? d : d.substring(0, colon);
    }

    private static String arguments(ExecNode node) {
        String d = node.describe();
        int colon = d.indexOf(':');
        return colon < 0 ? "" : d.substring(colon + 1).strip();
    }

    private static String columns(String label, StructType schema) {
        return label + " [" + schema.size() + "]: " + Explain.columns(schema) + "\n";
    }
}
