package dev.sluice.expr.fn;

import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * NULL and NaN conditionals: nvl / ifnull (Spark's coalesce of two), nvl2, nullif, isnan, nanvl.
 * Branch types meet in their common type (as CASE WHEN); nullif compares in the comparison type but returns
 * its first argument unchanged; isnan and nanvl work on float or double (other numbers become double).
 */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new Nvl("nvl"), new Nvl("ifnull"), new Nvl2(), new NullIf(), new IsNaN(), new NaNvl());
    }

    private static DataType common(String fn, List<Expression> args, List<Expression> branches) {
        List<DataType> types = new ArrayList<>();
        for (Expression b : branches) types.add(b.dataType());
        return TypeCoercion.commonType(types).orElseThrow(() -> FnArgs.mismatch(fn, args, args.indexOf(branches.get(branches.size() - 1)),
                "values of one type (" + String.join(", ", types.stream().map(DataType::simpleString).toList()) + ")"));
    }

    /**
     * Casts {@code v} to {@code type} on the rows {@code rows[0..count)} only (as Spark evaluates a branch only for
     * the rows that take it, so {@code nvl(1, 'a')} is 1, not a cast error); the result is aligned with those rows.
     */
    static ColumnVector castOn(ColumnVector v, DataType type, int[] rows, int count) {
        ColumnVector picked = count == v.size() ? v : v.select(rows, count);
        return picked.type().equals(type) ? picked : Casts.cast(picked, type, EvalMode.ANSI);
    }

    /** Merges two vectors of one type: row i comes from {@code whenTrue} (rows listed in order) where {@code pick[i]}. */
    static FlatVector merge(DataType type, boolean[] pick, ColumnVector whenTrue, ColumnVector whenFalse, int rows) {
        FlatVector out = Vectors.allocate(type, rows);
        int t = 0, f = 0;
        for (int i = 0; i < rows; i++) {
            if (pick[i]) out.appendFrom(whenTrue, t++);
            else out.appendFrom(whenFalse, f++);
        }
        return out;
    }

    /** {@code nvl(a, b)}: a unless it is NULL, then b; b is only cast for the rows that use it. */
    record Nvl(String name) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, 2);
            DataType t = common(name, args, args);
            return new Signature(List.of(t, args.get(1).dataType()), t,
                    FnArgs.nullableAs(args.get(0), t) && FnArgs.nullableAs(args.get(1), t));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector a = args[0];
            if (!a.mayHaveNulls() && a.type().equals(signature.resultType())) return a;
            boolean[] keep = new boolean[rows];
            int[] fill = new int[rows];
            int nFill = 0;
            for (int i = 0; i < rows; i++) {
                keep[i] = !a.isNull(i);
                if (!keep[i]) fill[nFill++] = i;
            }
            int[] all = new int[rows - nFill];
            for (int i = 0, k = 0; i < rows; i++) if (keep[i]) all[k++] = i;
            ColumnVector left = castOn(a, signature.resultType(), all, all.length);
            ColumnVector right = castOn(args[1], signature.resultType(), fill, nFill);
            return merge(signature.resultType(), keep, left, right, rows);
        }
    }

    /** {@code nvl2(a, b, c)}: b when a is not NULL, else c; each branch is cast only for its own rows. */
    record Nvl2() implements ScalarFunction {
        @Override public String name() { return "nvl2"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 3, 3);
            DataType t = common(name(), args, args.subList(1, 3));
            return new Signature(List.of(args.get(0).dataType(), args.get(1).dataType(), args.get(2).dataType()), t,
                    FnArgs.nullableAs(args.get(1), t) || FnArgs.nullableAs(args.get(2), t));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            boolean[] set = new boolean[rows];
            int[] yes = new int[rows], no = new int[rows];
            int nYes = 0, nNo = 0;
            for (int i = 0; i < rows; i++) {
                set[i] = !args[0].isNull(i);
                if (set[i]) yes[nYes++] = i;
                else no[nNo++] = i;
            }
            DataType t = signature.resultType();
            return merge(t, set, castOn(args[1], t, yes, nYes), castOn(args[2], t, no, nNo), rows);
        }
    }

    /**
     * {@code nullif(a, b)}: NULL when a = b, else a with its own type; the two are compared in their comparison
     * type (so {@code nullif(1, '1')} is NULL) with NaN equal to NaN. State: the comparison type.
     */
    record NullIf() implements ScalarFunction {
        @Override public String name() { return "nullif"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            DataType left = args.get(0).dataType(), right = args.get(1).dataType();
            DataType cmp = TypeCoercion.comparisonType(left, right)
                    .orElseThrow(() -> FnArgs.mismatch(name(), args, 1, "a value comparable with " + left.simpleString()));
            return new Signature(List.of(left, cmp), left, true, cmp);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            DataType cmp = (DataType) signature.state();
            ColumnVector a = args[0];
            ColumnVector ca = a.type().equals(cmp) ? a : Casts.cast(a, cmp, EvalMode.ANSI);
            ColumnVector b = args[1];
            FlatVector out = Vectors.allocate(signature.resultType(), rows);
            for (int i = 0; i < rows; i++) {
                if (!a.isNull(i) && !b.isNull(i) && ValueComparator.compare(cmp, ca, i, b, i) == 0) out.appendNull();
                else out.appendFrom(a, i);
            }
            return out;
        }
    }

    /** Float stays float; other numbers, strings and NULL are read as double. */
    private static DataType floating(String fn, List<Expression> args, int i) {
        DataType t = args.get(i).dataType();
        if (t instanceof FloatType || t instanceof DoubleType) return t;
        return FnArgs.expect(fn, args, i, DataTypes.DOUBLE);
    }

    /** {@code isnan(x)}: true for NaN, false for anything else including NULL. */
    record IsNaN() implements ScalarFunction {
        @Override public String name() { return "isnan"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            return new Signature(List.of(floating(name(), args, 0)), DataTypes.BOOLEAN, false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            boolean isFloat = in.type() instanceof FloatType;
            BooleanVector out = new BooleanVector(DataTypes.BOOLEAN, rows);
            for (int i = 0; i < rows; i++) {
                out.append(!in.isNull(i) && (isFloat ? Float.isNaN(in.getFloat(i)) : Double.isNaN(in.getDouble(i))));
            }
            return out;
        }
    }

    /** {@code nanvl(a, b)}: b when a is NaN, else a (NULL stays NULL); a float meeting a double becomes double. */
    record NaNvl() implements ScalarFunction {
        @Override public String name() { return "nanvl"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            DataType l = floating(name(), args, 0), r = floating(name(), args, 1);
            DataType t = l.equals(r) ? l : DataTypes.DOUBLE;
            return new Signature(List.of(t, t), t, args.get(0).nullable() || args.get(1).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector a = args[0], b = args[1];
            boolean isFloat = a.type() instanceof FloatType;
            FlatVector out = Vectors.allocate(signature.resultType(), rows);
            for (int i = 0; i < rows; i++) {
                boolean nan = !a.isNull(i) && (isFloat ? Float.isNaN(a.getFloat(i)) : Double.isNaN(a.getDouble(i)));
                out.appendFrom(nan ? b : a, i);
            }
            return out;
        }
    }
}
