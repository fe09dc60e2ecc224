package dev.sluice.optimizer;

import dev.sluice.error.SluiceException;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs rule batches over a resolved plan. Every rule goes through one wrapper: skipped if disabled, timed
 * and counted, and the plan is verified after each firing (same output schema, every reference resolves);
 * a failed verification is an internal error naming the rule.
 */
public final class Optimizer {
    private final List<RuleBatch> batches;
    private final RuleContext context;
    private final List<RuleRun> runs = new ArrayList<>();

    public Optimizer(List<RuleBatch> batches, RuleContext context) {
        this.batches = List.copyOf(batches);
        this.context = context;
    }

    public static Optimizer standard(RuleContext context) { return new Optimizer(StandardRules.batches(), context); }

    /** What each rule did in the last {@link #optimize} call: name, firings, nanoseconds. */
    public record RuleRun(String rule, int firings, long nanos) {}

    public List<RuleRun> lastRuns() { return List.copyOf(runs); }

    public LogicalPlan optimize(LogicalPlan plan) {
        runs.clear();
        for (RuleBatch batch : batches) {
            for (int pass = 0; pass < batch.maxPasses(); pass++) {
                LogicalPlan before = plan;
                for (Rule rule : batch.rules()) plan = runRule(rule, plan);
                // identity first: a pass that changed nothing returns the same nodes. The deep equals only stops
                // rules that keep rebuilding an equal plan, so it is left out after the last pass allowed and after
                // the first pass (the next pass then changes nothing and ends by identity): each record class's
                // first equals call spins its method handles, a millisecond or more each on the main thread before
                // the job starts. Rules are deterministic, so an extra pass over an equal plan gives an equal plan.
                if (plan == before || pass + 1 == batch.maxPasses()) break;
                if (pass > 0 && plan.equals(before)) break;
            }
        }
        return plan;
    }

    private LogicalPlan runRule(Rule rule, LogicalPlan plan) {
        if (!context.isEnabled(rule.name())) return plan;
        long start = System.nanoTime();
        int[] firings = {0};
        LogicalPlan result;
        if (rule.wholePlan()) {
            Optional<LogicalPlan> r = rule.apply(plan, context);
            if (r.isPresent()) firings[0]++;
            result = r.orElse(plan);
        } else {
            result = Plans.transformUp(plan, node -> {
                Optional<LogicalPlan> r = rule.apply(node, context);
                if (r.isPresent()) firings[0]++;
                return r.orElse(node);
            });
        }
        if (firings[0] > 0) {
            try {
                PlanVerifier.verify(plan, result);
            } catch (SluiceException e) {
                throw SluiceException.internal("optimizer rule " + rule.name() + " broke the plan: " + e.getMessage());
            }
        }
        runs.add(new RuleRun(rule.name(), firings[0], System.nanoTime() - start));
        return result;
    }
}
