package dev.sluice.optimizer;

import dev.sluice.expr.Expression;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.Analyzer;
import dev.sluice.plan.Explain;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code assertRule(new MergeFilters()).on(p -> ...).produces("...")} — rule tests that read like the Javadoc. */
final class RuleAssert {
    private final Rule rule;
    private LogicalPlan input;

    private RuleAssert(Rule rule) { this.rule = rule; }

    static RuleAssert assertRule(Rule rule) { return new RuleAssert(rule); }

    /** Builds (and analyzes) the input plan. */
    RuleAssert on(Function<PlanBuilder, LogicalPlan> build) {
        input = new Analyzer(true).analyze(build.apply(new PlanBuilder()));
        return this;
    }

    /** The rule fires (at some node, applied the way the optimizer applies it) and gives this explain text. */
    void produces(String expected) {
        LogicalPlan result = runOnce();
        assertThat(result).as("rule %s did not fire", rule.name()).isNotEqualTo(input);
        PlanVerifier.verify(input, result);
        assertThat(Explain.tree(result)).isEqualTo(expected);
    }

    void doesNotFire() {
        assertThat(runOnce()).isEqualTo(input);
    }

    private LogicalPlan runOnce() {
        Optimizer optimizer = new Optimizer(List.of(new RuleBatch("test", 1, List.of(rule))), RuleContext.DEFAULT);
        return optimizer.optimize(input);
    }

    static Expression col(String name) { return UnresolvedColumn.parse(name); }

    /** Plan constructors for tests. */
    static final class PlanBuilder {
        Scan scan(String name, String ddl) { return Scan.of(new TestSource(name, StructType.fromDDL(ddl))); }

        Filter filter(Expression condition, LogicalPlan input) { return new Filter(input, condition); }

        Project project(LogicalPlan input, Expression... exprs) { return new Project(input, List.of(exprs)); }

        Limit limit(long n, LogicalPlan input) { return new Limit(input, n); }

    }
}
