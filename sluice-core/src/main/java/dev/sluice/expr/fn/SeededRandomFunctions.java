package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spark's other functions over its per-partition XORShiftRandom (seeded with {@code seed + partition}, as
 * {@link RandFunction}): randstr(length[, seed]) (each character {@code |nextInt() % 62|} mapped to 0-9, a-z,
 * A-Z) and uniform(min, max[, seed]) ({@code min + (max − min) · rand(seed)}, cast to an integer type when both
 * bounds are integers). Same values as Spark's wherever the partitioning is the same.
 */
public final class SeededRandomFunctions {
    private SeededRandomFunctions() {}

    public static List<ScalarFunction> all() { return List.of(new RandStr(), new Uniform()); }

    static RandFunction.Generators seed(String fn, List<Expression> args, int i) {
        if (args.size() <= i) return new RandFunction.Generators(ThreadLocalRandom.current().nextLong());
        DataType t = args.get(i).dataType();
        if (!(t instanceof IntegerType || t instanceof LongType)) throw FnArgs.mismatch(fn, args, i, "an int or bigint seed");
        Object seed = FnArgs.constant(args.get(i), DataTypes.LONG);
        if (seed == FnArgs.NOT_CONSTANT || seed == null) throw FnArgs.invalid(fn, "the seed must be a non-NULL constant");
        return new RandFunction.Generators((Long) seed);
    }

    static final class RandStr implements ScalarFunction {
        record State(RandFunction.Generators generators, int length) {}

        @Override public String name() { return "randstr"; }

        @Override public boolean deterministic() { return false; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            FnArgs.expect(name(), args, 0, DataTypes.INT);
            Object n = FnArgs.constant(args.get(0), DataTypes.INT);
            if (!(n instanceof Integer length)) throw FnArgs.invalid(name(), "the length must be a non-NULL constant integer");
            if (length < 0) throw FnArgs.invalid(name(), "the length must not be negative, got " + length);
            List<DataType> types = args.size() > 1 ? List.of(DataTypes.INT, args.get(1).dataType()) : List.of(DataTypes.INT);
            return new Signature(types, DataTypes.STRING, false, new State(seed(name(), args, 1), length));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            XorShiftRandom rng = st.generators().current();
            FlatVector out = Vectors.allocate(DataTypes.STRING, rows);
            char[] chars = new char[st.length()];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < chars.length; i++) {
                    int v = Math.abs(rng.nextInt() % 62);
                    chars[i] = (char) (v < 10 ? '0' + v : v < 36 ? 'a' + (v - 10) : 'A' + (v - 36));
                }
                out.appendObject(new String(chars));
            }
            return out;
        }
    }

    static final class Uniform implements ScalarFunction {
        @Override public String name() { return "uniform"; }

        @Override public boolean deterministic() { return false; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            DataType a = args.get(0).dataType(), b = args.get(1).dataType();
            for (int i = 0; i < 2; i++) {
                DataType t = args.get(i).dataType();
                if (!t.isNumeric() && !(t instanceof NullType)) throw FnArgs.mismatch(name(), args, i, "a number");
                if (!args.get(i).foldable()) throw FnArgs.invalid(name(), "the bounds must be constants");
            }
            DataType result = a instanceof LongType && isIntegral(b) || b instanceof LongType && isIntegral(a) ? DataTypes.LONG
                    : isIntegral(a) && isIntegral(b) ? DataTypes.INT
                    : a instanceof FloatType && !(b instanceof DoubleType) || b instanceof FloatType && !(a instanceof DoubleType) ? DataTypes.FLOAT
                    : DataTypes.DOUBLE;
            // the bounds keep their types (read as doubles here), so binding again after optimization gives the same result type
            DataType lo = a instanceof NullType ? DataTypes.DOUBLE : a, hi = b instanceof NullType ? DataTypes.DOUBLE : b;
            List<DataType> types = args.size() > 2 ? List.of(lo, hi, args.get(2).dataType()) : List.of(lo, hi);
            return new Signature(types, result, true, seed(name(), args, 2));
        }

        private static boolean isIntegral(DataType t) { return t instanceof IntegerType || t instanceof LongType; }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            XorShiftRandom rng = ((RandFunction.Generators) signature.state()).current();
            DataType type = signature.resultType();
            FlatVector out = Vectors.allocate(type, rows);
            for (int r = 0; r < rows; r++) {
                double x = rng.nextDouble();
                if (args[0].isNull(r) || args[1].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                double min = ((Number) args[0].getObject(r)).doubleValue(), max = ((Number) args[1].getObject(r)).doubleValue();
                double v = min + (max - min) * x;
                out.appendObject(type instanceof IntegerType ? (Object) (int) v : type instanceof LongType ? (Object) (long) v
                        : type instanceof FloatType ? (Object) (float) v : v);
            }
            return out;
        }
    }
}
