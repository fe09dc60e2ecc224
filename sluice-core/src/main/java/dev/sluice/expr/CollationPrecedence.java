package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.StringType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which collation a comparison (or a collation-aware function) of several strings uses, by Spark's precedence:
 * an explicit collation ({@code COLLATE}) beats an implicit one (a column's type), which beats the default (literals,
 * most function results). Two different explicit collations are COLLATION_MISMATCH.EXPLICIT; two different implicit
 * ones with no explicit one are COLLATION_MISMATCH.IMPLICIT.
 */
public final class CollationPrecedence {
    enum Strength { DEFAULT, IMPLICIT, EXPLICIT }

    private CollationPrecedence() {}

    /** The string type every string operand is cast to, or null when fewer than two differ (nothing to do). */
    public static StringType common(List<Expression> operands) {
        Set<Collation> all = new LinkedHashSet<>();
        for (Expression e : operands) if (e.dataType() instanceof StringType s) all.add(s.collation());
        if (all.size() < 2) return null;
        Set<Collation> explicit = new LinkedHashSet<>(), implicit = new LinkedHashSet<>();
        for (Expression e : operands) {
            if (!(e.dataType() instanceof StringType s)) continue;
            Strength st = strength(e);
            if (st == Strength.EXPLICIT) explicit.add(s.collation());
            else if (st == Strength.IMPLICIT) implicit.add(s.collation());
        }
        if (explicit.size() > 1) {
            List<String> names = new ArrayList<>();
            for (Collation c : explicit) names.add("\"STRING COLLATE " + c.name() + "\"");
            throw SluiceException.of(ErrorCode.COLLATION_MISMATCH).with("reason", "COLLATION_MISMATCH.EXPLICIT: the explicit collations "
                    + String.join(", ", names) + " differ. Decide on a single explicit collation and remove the others.").build();
        }
        if (explicit.size() == 1) return StringType.of(explicit.iterator().next());
        if (implicit.size() > 1) {
            throw SluiceException.of(ErrorCode.COLLATION_MISMATCH).with("reason", "COLLATION_MISMATCH.IMPLICIT: the implicit collations "
                    + implicit + " differ. Use the COLLATE function to set the collation explicitly.").build();
        }
        if (implicit.size() == 1) return StringType.of(implicit.iterator().next());
        for (Collation c : all) if (!c.equals(Collation.UTF8_BINARY)) return StringType.of(c);
        return null;
    }

    /** Casts each string operand to {@code target} (no change to values: only the collation differs). */
    public static List<Expression> castAll(List<Expression> operands, StringType target) {
        List<Expression> out = new ArrayList<>(operands.size());
        for (Expression e : operands) {
            out.add(e.dataType() instanceof StringType s && !s.equals(target) ? new Cast(e, target, EvalMode.ANSI) : e);
        }
        return out;
    }

    static Strength strength(Expression e) {
        if (e instanceof Alias a) return strength(a.child());
        if (e instanceof FunctionCall f && f.name().equals("collate")) return Strength.EXPLICIT;
        if (e instanceof ColumnRef || e instanceof BoundColumn || e instanceof GetStructField) return Strength.IMPLICIT;
        if (e instanceof Literal) return Strength.DEFAULT;
        if (e instanceof Cast c) {
            // CAST(x AS STRING COLLATE c) names its collation: explicit, as Spark 4.1
            return c.to() instanceof StringType s && !s.isDefault() ? Strength.EXPLICIT : Strength.DEFAULT;
        }
        DataType t = e.dataType();
        if (!(t instanceof StringType)) return Strength.DEFAULT;
        Strength best = Strength.DEFAULT;
        for (Expression child : e.children()) {   // a function keeping its input's collation keeps its strength
            if (child.dataType().equals(t)) {
                Strength s = strength(child);
                if (s.compareTo(best) > 0) best = s;
            }
        }
        return best;
    }
}
