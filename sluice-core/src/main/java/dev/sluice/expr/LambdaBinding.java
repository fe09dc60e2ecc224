package dev.sluice.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a lambda's parameter names in its body by their typed variables: {@code x} (and {@code x.field})
 * becomes the {@link LambdaVariable}; the bodies of unbound nested lambdas are included, except where a nested
 * parameter of the same name hides it.
 */
final class LambdaBinding {
    private LambdaBinding() {}

    static Expression substitute(Expression e, List<LambdaVariable> vars) {
        if (e instanceof UnresolvedColumn u) {
            for (LambdaVariable v : vars) {
                if (u.nameParts().get(0).equalsIgnoreCase(v.name())) {
                    Expression out = v;
                    for (int i = 1; i < u.nameParts().size(); i++) out = new GetStructField(out, u.nameParts().get(i), -1);
                    return out;
                }
            }
            return e;
        }
        if (e instanceof LambdaFunction f && !f.bound()) {
            List<LambdaVariable> visible = new ArrayList<>();
            for (LambdaVariable v : vars) {
                boolean hidden = f.parameters().stream().anyMatch(p -> p.equalsIgnoreCase(v.name()));
                if (!hidden) visible.add(v);
            }
            return LambdaFunction.of(f.parameters(), substitute(f.body(), visible));
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> out = new ArrayList<>();
        boolean changed = false;
        for (Expression c : children) {
            Expression s = substitute(c, vars);
            changed |= s != c;
            out.add(s);
        }
        return changed ? e.withChildren(out) : e;
    }
}
