package dev.sluice;

import dev.sluice.exec.ExecNode;
import dev.sluice.exec.PhysicalPlanner;
import dev.sluice.exec.PlannerContext;
import dev.sluice.types.SessionZone;
import dev.sluice.optimizer.Optimizer;
import dev.sluice.optimizer.RuleContext;
import dev.sluice.plan.Explain;
import dev.sluice.plan.LogicalPlan;

/**
 * One query's journey: analyzed plan (given), optimized plan (computed on demand), physical plan (built
 * inside an action or explain, where sources list their files).
 */
final class QueryExecution {
    private final LogicalPlan analyzed;
    private final SluiceConf conf;
    private final PlannerContext planner;
    private LogicalPlan optimized;

    QueryExecution(LogicalPlan analyzed, SluiceConf conf, PlannerContext planner) {
        this.analyzed = analyzed;
        this.conf = conf;
        this.planner = planner;
    }

    LogicalPlan analyzed() { return analyzed; }

    LogicalPlan optimized() {
        if (optimized == null) {
            try (SessionZone zone = SessionZone.enter(conf.sessionTimeZone())) {   // constant folding casts and formats
                // the clock functions take this run's instant first (in the session zone: current_date's day)
                LogicalPlan timed = dev.sluice.plan.ClockBinding.bind(analyzed);
                optimized = Optimizer.standard(new RuleContext(conf.disabledRules())).optimize(timed);
            }
        }
        return optimized;
    }

    /** Plans operators; sources list files and read partition values here, in the session zone. */
    ExecNode physical() {
        LogicalPlan plan = optimized();
        try (SessionZone zone = SessionZone.enter(conf.sessionTimeZone())) {
            return new PhysicalPlanner(planner).plan(plan);
        }
    }

    String explain(boolean extended) {
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append("== Analyzed Logical Plan ==\n").append(Explain.tree(analyzed));
            sb.append("\n== Optimized Logical Plan ==\n").append(Explain.tree(optimized()));
            sb.append("\n");
        }
        sb.append("== Physical Plan ==\n").append(PhysicalPlanner.explain(physical()));
        return sb.toString();
    }

    /** Spark's cost mode: the optimized plan with each node's size statistics, then the physical plan. */
    String explainCost() {
        return "== Optimized Logical Plan ==\n" + dev.sluice.plan.PlanStatistics.tree(optimized())
                + "\n== Physical Plan ==\n" + PhysicalPlanner.explain(physical());
    }

    /** Spark's formatted mode: the numbered operator tree, then each operator's columns and arguments. */
    String explainFormatted() { return "== Physical Plan ==\n" + dev.sluice.exec.FormattedExplain.formatted(physical()); }
}
