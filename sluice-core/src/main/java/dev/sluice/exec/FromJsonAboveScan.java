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
 * nearest the scan wins (it sees every row); other calls over the column parse its text as before.
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

    /** The scan's source, told about the calls noted above it. */
    DataSource source(Scan scan) {
        List<FromJsonColumn> noted = calls.get(scan);
        return noted == null ? scan.source() : scan.source().withFromJson(noted);
    }
}
