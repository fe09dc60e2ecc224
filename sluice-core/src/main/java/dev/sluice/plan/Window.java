package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Computes window functions sharing one partitioning and ordering: the output is the input's columns
 * followed by one column per function, named {@code outputNames}, row for row (Spark's Window). The
 * analyzer builds it from a select holding {@code fn.over(window)} items; keys and arguments are columns
 * of the input or literals (the analyzer projects anything else first). Frames may differ per function.
 */
public record Window(LogicalPlan input, List<Expression> partitionBy, List<SortOrder> orderBy,
                     List<WindowExpression> functions, List<String> outputNames) implements LogicalPlan {
    public Window {
        requireNonNull(input, "input");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        functions = List.copyOf(functions);
        outputNames = List.copyOf(outputNames);
        if (functions.size() != outputNames.size()) throw new IllegalArgumentException("one name per window function");
    }

    /** The computed columns alone. */
    public List<StructField> windowFields() {
        List<StructField> out = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            WindowExpression w = functions.get(i);
            out.add(new StructField(outputNames.get(i), w.dataType(), w.nullable()));
        }
        return out;
    }

    /** Every expression the node evaluates over its input: keys and function arguments. */
    public List<Expression> expressions() {
        List<Expression> out = new ArrayList<>(partitionBy);
        out.addAll(orderBy);
        out.addAll(functions);
        return out;
    }

    /** The node with its expressions (in {@link #expressions} order) replaced. */
    public Window withExpressions(List<Expression> exprs) {
        int p = partitionBy.size(), o = orderBy.size();
        List<SortOrder> orders = new ArrayList<>();
        for (Expression e : exprs.subList(p, p + o)) orders.add((SortOrder) e);
        List<WindowExpression> fns = new ArrayList<>();
        for (Expression e : exprs.subList(p + o, exprs.size())) fns.add((WindowExpression) e);
        return new Window(input, exprs.subList(0, p), orders, fns, outputNames);
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>(input.schema().fields());
        fields.addAll(windowFields());
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Window withChildren(List<LogicalPlan> children) {
        return new Window(LogicalPlan.only(children), partitionBy, orderBy, functions, outputNames);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitWindow(this); }
}
