package dev.sluice.exec;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FromJson;
import dev.sluice.io.DataSource;
import dev.sluice.json.FromJsonColumn;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code from_json(c)} over a string column {@code c} of a scan, in the projections and filters
 * that run right above the scan (through filters, and projections that pass {@code c} on as it is), and hands them to the
 * scan's source, whose readers then parse those documents while reading the lines (the benchmark's
 * {@code from_json(response_body)}). Only a hint: results are the same with or without it. Per column the call
 * nearest the scan wins (it sees every row); other calls over the column parse its text as before. When the
 * column's text is read by nothing but that call (see {@link #keepsText}), the readers do not keep the text of the
 * rows they parse: Q1-Q3 copied every {@code response_body} into a vector only to drop it.
 */
final class FromJsonAboveScan {
    private final Map<Scan, List<FromJsonColumn>> calls = new IdentityHashMap<>();

    /** Notes the from_json calls of {@code expressions}, evaluated over the output of {@code input}. */
    void note(List<Expression> expressions, LogicalPlan input) {
        LogicalPlan below = input;
        List<Project> projects = new ArrayList<>();
        while (below instanceof Filter || below instanceof Project) {
            if (below instanceof Project p) projects.add(p);
            below = below.children().get(0);
        }
        if (!(below instanceof Scan scan)) return;
        for (Expression e : expressions) {
            for (Expression node : Expressions.collect(e)) {
                if (!(node instanceof FromJson call) || !(call.child() instanceof ColumnRef ref)) continue;
                if (!projects.stream().allMatch(p -> passesThrough(p, ref.name()))) continue;
                StructField field = scan.output().fields().stream().filter(x -> x.name().equals(ref.name())).findFirst().orElse(null);
                if (field == null || !(field.dataType() instanceof StringType)) continue;
                FromJsonColumn column = new FromJsonColumn(ref.name(), call.schema(), call.options());
                if (!column.fusable()) continue;
                // operators are noted from the top down: a later note is nearer the scan and goes first
                calls.computeIfAbsent(scan, s -> new ArrayList<>()).add(0, column);
            }
        }
    }

    /** True when {@code project} outputs its input's column {@code name} as it is (a pruning projection). */
    private static boolean passesThrough(Project project, String name) {
        for (Expression e : project.projections()) {
            if (Expressions.outputName(e).equals(name)) return e instanceof ColumnRef c && c.name().equals(name);
        }
        return false;
    }

    /**
     * The scan's source, told about the calls noted above it; {@code above} is the operators the planner is in,
     * the scan's parent first.
     */
    DataSource source(Scan scan, List<LogicalPlan> above) {
        List<FromJsonColumn> noted = calls.get(scan);
        if (noted == null) return scan.source();
        List<FromJsonColumn> told = new ArrayList<>(noted.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FromJsonColumn c : noted) {
            // the first call of a column is the one the reader fuses (JsonBatchBuilder); later ones parse text
            told.add(seen.add(c.column()) ? c.keepingText(keepsText(c, scan, above)) : c);
        }
        return scan.source().withFromJson(told);
    }

    /**
     * False only when nothing can read {@code call}'s column but calls that take its results: the filters and
     * projections right above the scan (its pushed filters too) use the column only inside from_json calls of the
     * same schema and options, or ask only whether it is null, and the topmost of them is a projection that does
     * not pass the column on (so no operator further up sees it). Anything else keeps the text.
     */
    static boolean keepsText(FromJsonColumn call, Scan scan, List<LogicalPlan> above) {
        String name = call.column();
        if (readsText(scan.pushedFilters(), call)) return true;
        LogicalPlan top = null;
        for (LogicalPlan op : above) {
            if (op instanceof Filter f) {
                if (readsText(List.of(f.condition()), call)) return true;
            } else if (op instanceof Project p) {
                if (readsText(p.projections(), call)) return true;
            } else {
                break;
            }
            top = op;
        }
        if (!(top instanceof Project p)) return true;
        for (Expression e : p.projections()) {
            if (Expressions.outputName(e).equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    /** True when one of {@code expressions} reads {@code call}'s column other than through the call's results. */
    private static boolean readsText(List<Expression> expressions, FromJsonColumn call) {
        for (Expression e : expressions) {
            if (readsText(e, call)) return true;
        }
        return false;
    }

    private static boolean readsText(Expression e, FromJsonColumn call) {
        if (e instanceof ColumnRef ref) return ref.name().equalsIgnoreCase(call.column());
        if (e instanceof FromJson f && f.child() instanceof ColumnRef ref && ref.name().equalsIgnoreCase(call.column())) {
            return !call.sameCall(f.schema(), f.options());
        }
        if ((e instanceof dev.sluice.expr.IsNull || e instanceof dev.sluice.expr.IsNotNull)
                && e.children().get(0) instanceof ColumnRef) {
            return false;   // a null flag, not the text
        }
        for (Expression child : e.children()) {
            if (readsText(child, call)) return true;
        }
        return false;
    }
}
