package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.BroadcastHint;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.plan.SubqueryAlias;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's hints, for {@code df.hint(name, params...)} and SQL's {@code /*+ ... *}{@code /}: the partitioning hints
 * (REPARTITION, REPARTITION_BY_RANGE, REBALANCE, COALESCE) and the join hints. BROADCAST is honoured; MERGE,
 * SHUFFLE_HASH and SHUFFLE_REPLICATE_NL name strategies Sluice chooses itself (it has a shuffled hash join and a
 * broadcast hash join, no sort-merge or nested-loop join), so they are accepted, logged and change nothing but the
 * strategy, never the rows. An unknown hint is logged and ignored, as Spark does.
 */
final class Hints {
    private static final System.Logger LOG = System.getLogger(Hints.class.getName());

    private Hints() {}

    /** {@code params}: Integer partition counts, Columns, column or relation names as Strings. */
    static DataFrame apply(DataFrame df, String name, Object... params) {
        String hint = name.toUpperCase(Locale.ROOT);
        switch (hint) {
            case "BROADCAST", "BROADCASTJOIN", "MAPJOIN" -> {
                List<String> relations = relationNames(hint, params);
                return relations.isEmpty() ? functions.broadcast(df) : df.withPlan(broadcastRelations(df.logicalPlan(), relations));
            }
            case "MERGE", "SHUFFLE_MERGE", "MERGEJOIN", "SHUFFLE_HASH", "SHUFFLE_REPLICATE_NL" -> {
                relationNames(hint, params);
                LOG.log(System.Logger.Level.INFO, "Join hint {0}: Sluice chooses between its shuffled hash join and broadcast hash join itself; "
                        + "the hint does not change the strategy (results are the same)", hint);
                return df;
            }
            case "REPARTITION", "REPARTITION_BY_RANGE", "REBALANCE" -> {
                int n = 0;
                int first = 0;
                if (params.length > 0 && params[0] instanceof Integer i) {
                    n = i;
                    first = 1;
                    if (n < 1) throw invalid(hint, "the number of partitions must be positive, got " + n);
                }
                Column[] columns = new Column[params.length - first];
                for (int p = first; p < params.length; p++) columns[p - first] = column(hint, params[p]);
                if (hint.equals("REPARTITION_BY_RANGE")) {
                    if (columns.length == 0) throw invalid(hint, "give at least one column to partition by");
                    return n == 0 ? df.repartitionByRange(columns) : df.repartitionByRange(n, columns);
                }
                if (hint.equals("REBALANCE") && first == 1) throw invalid(hint, "REBALANCE takes columns only");
                if (columns.length == 0) return df.repartition(n == 0 ? df.session().conf().shufflePartitions() : n);
                return n == 0 ? df.repartition(columns) : df.repartition(n, columns);
            }
            case "COALESCE" -> {
                if (params.length != 1 || !(params[0] instanceof Integer n)) throw invalid(hint, "COALESCE takes one number of partitions");
                return df.coalesce(n);
            }
            default -> {
                LOG.log(System.Logger.Level.WARNING, "Unrecognized hint: {0}; it is ignored, as Spark does", name);
                return df;
            }
        }
    }

    private static Column column(String hint, Object p) {
        if (p instanceof Column c) return c;
        if (p instanceof String s) return functions.col(s);
        throw invalid(hint, "expected columns after the number of partitions, got " + p);
    }

    private static List<String> relationNames(String hint, Object[] params) {
        List<String> out = new ArrayList<>();
        for (Object p : params) {
            if (p instanceof String s) out.add(s);
            else if (p instanceof Column c && c.expr() instanceof UnresolvedColumn u) out.add(String.join(".", u.nameParts()));
            else throw invalid(hint, "a join hint takes relation names, got " + p);
        }
        return out;
    }

    /** Marks the relations aliased by one of {@code names} (a view, a table, {@code FROM x AS t}) for broadcast. */
    private static LogicalPlan broadcastRelations(LogicalPlan plan, List<String> names) {
        boolean[] found = new boolean[1];
        LogicalPlan out = Plans.transformUp(plan, node -> {
            if (node instanceof SubqueryAlias a) {
                for (String n : names) {
                    if (n.equalsIgnoreCase(a.alias())) {
                        found[0] = true;
                        return new BroadcastHint(a);
                    }
                }
            }
            return node;
        });
        if (!found[0]) LOG.log(System.Logger.Level.WARNING, "Could not find relation(s) {0} named in a BROADCAST hint; it is ignored, as Spark does", names);
        return out;
    }

    private static SluiceException invalid(String hint, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "the hint " + hint).with("reason", reason).build();
    }
}
