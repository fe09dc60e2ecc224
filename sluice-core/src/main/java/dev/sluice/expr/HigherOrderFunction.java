package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A function over arrays or maps that takes lambdas: transform, filter, exists, forall, aggregate/reduce,
 * zip_with, map_filter, transform_keys, transform_values, array_sort with a comparator. The analyzer resolves
 * the plain arguments, then {@link #bind} types the lambdas' parameters from them and resolves their bodies.
 * Evaluation runs each lambda over all elements of the batch at once ({@link HigherOrderEval}).
 */
public record HigherOrderFunction(Kind kind, List<Expression> arguments, DataType resultType) implements Expression {
    public enum Kind {
        TRANSFORM(2, 2), FILTER(2, 2), EXISTS(2, 2), FORALL(2, 2), AGGREGATE(3, 4), REDUCE(3, 4), ZIP_WITH(3, 3),
        MAP_FILTER(2, 2), TRANSFORM_KEYS(2, 2), TRANSFORM_VALUES(2, 2), ARRAY_SORT(2, 2), MAP_ZIP_WITH(3, 3);

        final int min;
        final int max;

        Kind(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public String sqlName() { return name().toLowerCase(Locale.ROOT); }
    }

    private static final AtomicLong IDS = new AtomicLong();

    public HigherOrderFunction {
        requireNonNull(kind, "kind");
        arguments = List.copyOf(arguments);
    }

    public static HigherOrderFunction of(Kind kind, List<Expression> arguments) {
        if (arguments.size() < kind.min || arguments.size() > kind.max) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", kind.sqlName())
                    .with("reason", "it takes " + kind.min + (kind.min == kind.max ? "" : " to " + kind.max) + " arguments, got " + arguments.size()).build();
        }
        return new HigherOrderFunction(kind, arguments, null);
    }

    @Override public boolean resolved() { return resultType != null && Expression.super.resolved(); }

    @Override public DataType dataType() {
        if (resultType == null) throw Expression.unresolved(this);
        return resultType;
    }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new HigherOrderFunction(kind, children, resultType); }

    @Override public boolean foldable() { return false; }

    @Override public String sql() {
        String args = String.join(", ", arguments.stream().map(Expression::sql).toList());
        // Spark prints the default finishing lambda of aggregate/reduce (the identity)
        boolean defaultFinish = (kind == Kind.AGGREGATE || kind == Kind.REDUCE) && arguments.size() == 3;
        return kind.sqlName() + "(" + args + (defaultFinish ? ", lambdafunction(" + LambdaVariable.SQL + ", " + LambdaVariable.SQL + ")" : "") + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) { return HigherOrderEval.evaluate(this, batch); }

    /**
     * Types the lambdas from the (resolved) plain arguments and resolves their bodies with {@code resolveBody};
     * {@code castTo} is the analyzer's implicit cast.
     */
    public HigherOrderFunction bind(Function<Expression, Expression> resolveBody, java.util.function.BiFunction<Expression, DataType, Expression> castTo) {
        if (resultType != null) return this;
        List<Expression> args = new ArrayList<>(arguments);
        DataType first = args.get(0).dataType();
        switch (kind) {
            case TRANSFORM, FILTER, EXISTS, FORALL, ARRAY_SORT -> {
                ArrayType a = array(first, 0);
                LambdaFunction f = lambda(args, 1);
                List<DataType> types = kind == Kind.ARRAY_SORT ? List.of(a.elementType(), a.elementType()) : List.of(a.elementType(), DataTypes.INT);
                LambdaFunction b = bindLambda(f, types, List.of(a.containsNull(), false), resolveBody, kind == Kind.ARRAY_SORT ? 2 : 1);
                args.set(1, b);
                DataType out = switch (kind) {
                    case TRANSFORM -> new ArrayType(b.dataType(), b.body().nullable());
                    case FILTER, ARRAY_SORT -> a;
                    default -> DataTypes.BOOLEAN;
                };
                if (kind == Kind.FILTER || kind == Kind.EXISTS || kind == Kind.FORALL) requireBoolean(b);
                return new HigherOrderFunction(kind, args, out);
            }
            case AGGREGATE, REDUCE -> {
                ArrayType a = array(first, 0);
                DataType acc = args.get(1).dataType();
                LambdaFunction merge = bindLambda(lambda(args, 2), List.of(acc, a.elementType()), List.of(true, a.containsNull()), resolveBody, 2);
                // types that differ only in nullability are the same accumulator (Spark's sameType)
                if (!merge.dataType().equals(acc) && !merge.dataType().simpleString().equals(acc.simpleString())) {
                    if (!TypeCoercion.canImplicitCast(merge.dataType(), acc)) {
                        throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", sql()).with("expected", "a merge function returning " + acc.simpleString())
                                .with("actual", merge.dataType().simpleString()).build();
                    }
                    merge = new LambdaFunction(merge.parameters(), castTo.apply(merge.body(), acc), merge.variables());
                }
                args.set(2, merge);
                DataType out = acc;
                if (args.size() == 4) {
                    LambdaFunction finish = bindLambda(lambda(args, 3), List.of(acc), List.of(true), resolveBody, 1);
                    args.set(3, finish);
                    out = finish.dataType();
                }
                return new HigherOrderFunction(kind, args, out);
            }
            case ZIP_WITH -> {
                ArrayType a = array(first, 0), b = array(args.get(1).dataType(), 1);
                LambdaFunction f = bindLambda(lambda(args, 2), List.of(a.elementType(), b.elementType()), List.of(true, true), resolveBody, 2);
                args.set(2, f);
                return new HigherOrderFunction(kind, args, new ArrayType(f.dataType(), true));
            }
            case MAP_ZIP_WITH -> {
                if (!(first instanceof MapType m1)) throw mismatch(0, "a map", first);
                if (!(args.get(1).dataType() instanceof MapType m2)) throw mismatch(1, "a map", args.get(1).dataType());
                if (!m1.keyType().equals(m2.keyType())) throw mismatch(1, "a map with keys of type " + m1.keyType().simpleString(), m2);
                LambdaFunction f = bindLambda(lambda(args, 2), List.of(m1.keyType(), m1.valueType(), m2.valueType()), List.of(false, true, true), resolveBody, 3);
                args.set(2, f);
                return new HigherOrderFunction(kind, args, new MapType(m1.keyType(), f.dataType(), true));
            }
            default -> {
                if (!(first instanceof MapType m)) throw mismatch(0, "a map", first);
                LambdaFunction f = bindLambda(lambda(args, 1), List.of(m.keyType(), m.valueType()), List.of(false, m.valueContainsNull()), resolveBody, 2);
                args.set(1, f);
                DataType out = switch (kind) {
                    case MAP_FILTER -> m;
                    case TRANSFORM_KEYS -> new MapType(f.dataType(), m.valueType(), m.valueContainsNull());
                    default -> new MapType(m.keyType(), f.dataType(), true);
                };
                if (kind == Kind.MAP_FILTER) requireBoolean(f);
                return new HigherOrderFunction(kind, args, out);
            }
        }
    }

    private ArrayType array(DataType t, int i) {
        if (t instanceof ArrayType a) return a;
        if (t instanceof NullType) return new ArrayType(DataTypes.NULL, true);
        throw mismatch(i, "an array", t);
    }

    private LambdaFunction lambda(List<Expression> args, int i) {
        if (args.get(i) instanceof LambdaFunction f) return f;
        throw mismatch(i, "a lambda function", args.get(i).dataType());
    }

    private void requireBoolean(LambdaFunction f) {
        DataType t = f.dataType();
        if (!t.equals(DataTypes.BOOLEAN) && !(t instanceof NullType)) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", sql()).with("expected", "a lambda returning boolean")
                    .with("actual", t.simpleString()).build();
        }
    }

    private SluiceException mismatch(int i, String expected, DataType actual) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", kind.sqlName() + " argument " + (i + 1))
                .with("expected", expected).with("actual", actual.simpleString()).build();
    }

    /** Types {@code f}'s parameters (it may use fewer than offered, at least {@code required}) and resolves its body. */
    private LambdaFunction bindLambda(LambdaFunction f, List<DataType> types, List<Boolean> nullable, Function<Expression, Expression> resolveBody, int required) {
        if (f.bound()) return f;
        int n = f.parameters().size();
        if (n < required || n > types.size()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", kind.sqlName())
                    .with("reason", "the lambda takes " + n + " parameters, but " + (required == types.size() ? "" + required : required + " to " + types.size()) + " are expected").build();
        }
        List<LambdaVariable> vars = new ArrayList<>();
        for (int i = 0; i < n; i++) vars.add(new LambdaVariable(f.parameters().get(i), IDS.incrementAndGet(), types.get(i), nullable.get(i)));
        Expression body = LambdaBinding.substitute(f.body(), vars);
        return new LambdaFunction(f.parameters(), resolveBody.apply(body), vars);
    }
}
