package dev.sluice.optimizer;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.Optional;

/**
 * Evaluates expressions that depend only on literals once, at planning time.
 * <pre>
 * Filter((a > (1 + 2)))      =>     Filter((a > 3))
 * </pre>
 * An expression whose evaluation fails (say 1/0 under ANSI) is left alone: the error belongs to the run,
 * and only if a row reaches it.
 */
public final class ConstantFolding implements Rule {
    private static final Batch ONE_ROW = Batch.ofRowCount(1);

    @Override public String name() { return "constant_folding"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        boolean[] changed = {false};
        LogicalPlan result = Plans.mapExpressions(plan, e -> Expressions.transformDown(e, node -> {
            if (node instanceof Literal || !node.foldable()) return node;
            Literal folded = fold(node);
            if (folded == null) return node;
            changed[0] = true;
            return folded;
        }));
        return changed[0] ? Optional.of(result) : Optional.empty();
    }

    private static Literal fold(Expression e) {
        try {
            ColumnVector v = e.evaluate(ONE_ROW);
            return new Literal(v.getObject(0), e.dataType());
        } catch (SluiceException error) {
            return null;
        }
    }
}
