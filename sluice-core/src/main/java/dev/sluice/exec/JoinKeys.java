package dev.sluice.exec;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join condition split into equi-join keys ({@code l = r} or {@code l <=> r} with each side's expression
 * using only that side's columns) and the residual rest, which is checked on the pairs the keys match.
 */
record JoinKeys(List<Expression> left, List<Expression> right, boolean[] nullSafe, Expression residual) {

    static JoinKeys extract(Expression condition, StructType leftSchema, StructType rightSchema) {
        List<Expression> l = new ArrayList<>();
        List<Expression> r = new ArrayList<>();
        List<Boolean> safe = new ArrayList<>();
        List<Expression> rest = new ArrayList<>();
        if (condition != null) {
            Set<String> leftNames = new HashSet<>(leftSchema.fieldNames());
            Set<String> rightNames = new HashSet<>(rightSchema.fieldNames());
            for (Expression part : Expressions.conjuncts(condition)) {
                if (part instanceof Comparison c && (c.op() == Comparison.Op.EQ || c.op() == Comparison.Op.EQ_NULL_SAFE)
                        && !(c.left().dataType() instanceof MapType)) {
                    if (usesOnly(c.left(), leftNames) && usesOnly(c.right(), rightNames)) {
                        l.add(c.left());
                        r.add(c.right());
                        safe.add(c.op() == Comparison.Op.EQ_NULL_SAFE);
                        continue;
                    }
                    if (usesOnly(c.left(), rightNames) && usesOnly(c.right(), leftNames)) {
                        l.add(c.right());
                        r.add(c.left());
                        safe.add(c.op() == Comparison.Op.EQ_NULL_SAFE);
                        continue;
                    }
                }
                rest.add(part);
            }
        }
        boolean[] nullSafe = new boolean[safe.size()];
        for (int i = 0; i < nullSafe.length; i++) nullSafe[i] = safe.get(i);
        return new JoinKeys(l, r, nullSafe, Expressions.and(rest));
    }

    /** True when {@code e} reads at least one column and only columns among {@code names}. */
    static boolean usesOnly(Expression e, Set<String> names) {
        boolean any = false;
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof ColumnRef ref) {
                if (!names.contains(ref.name())) return false;
                any = true;
            }
        }
        return any;
    }
}
