package dev.sluice.expr;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Spark 4.1's ANSI type coercion (AnsiTypeCoercion, DecimalPrecision), as pure functions the analyzer calls
 * before it inserts casts. An empty result means "no common type": the analyzer reports TYPE_MISMATCH.
 * <ul>
 * <li>Numbers widen int → bigint → decimal → double; an integer meeting a float gives double; an integer
 *     meeting a decimal becomes decimal(10,0) (int) or decimal(20,0) (bigint), or as many digits as an
 *     integer literal has; a decimal meeting float or double gives double.</li>
 * <li>A string meeting another type takes that type, except that it becomes bigint against any integer and
 *     double against float, double or decimal ({@code '1' = 1} compares as bigint).</li>
 * <li>Date and timestamp widen to timestamp; arrays, maps and structs widen element-wise (struct fields
 *     matched by position, names compared ignoring case).</li>
 * </ul>
 * Non-ANSI (legacy) coercion is not modelled here.
 */
public final class TypeCoercion {
    private TypeCoercion() {}

    /** Operand types for an arithmetic operator: cast the left to {@code left}, the right to {@code right}. */
    public record ArithmeticTypes(DataType left, DataType right, DataType result) {
        public ArithmeticTypes {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
            requireNonNull(result, "result");
        }
    }

    /** Spark's findTightestCommonType: widening that loses nothing (no string promotion, no decimal mixing). */
    public static Optional<DataType> tightestCommonType(DataType a, DataType b) {
        if (a.equals(b)) return Optional.of(a);
        if (a instanceof StringType x && b instanceof StringType y) {
            // without the expressions' precedence (CollationPrecedence): a collation beats the default, two differ
            if (x.isDefault()) return Optional.of(b);
            return y.isDefault() ? Optional.of(a) : Optional.empty();
        }
        if (a instanceof NullType) return Optional.of(b);
        if (b instanceof NullType) return Optional.of(a);
        if (isIntegral(a) && b instanceof DecimalType d && isWiderThan(d, a)) return Optional.of(d);
        if (a instanceof DecimalType d && isIntegral(b) && isWiderThan(d, b)) return Optional.of(d);
        if (a.isNumeric() && b.isNumeric() && !(a instanceof DecimalType) && !(b instanceof DecimalType)) {
            DataType wider = rank(a) >= rank(b) ? a : b;
            // an integer with a float goes to double so the integer keeps its digits
            return Optional.of(wider instanceof FloatType && !(a instanceof FloatType && b instanceof FloatType) ? DataTypes.DOUBLE : wider);
        }
        if (isDatetime(a) && isDatetime(b)) {
            // date < timestamp_ntz < timestamp, as Spark's findTightestCommonType
            boolean zoned = a instanceof TimestampType || b instanceof TimestampType;
            return Optional.of(zoned ? DataTypes.TIMESTAMP : DataTypes.TIMESTAMP_NTZ);
        }
        if (a instanceof dev.sluice.types.YearMonthIntervalType x && b instanceof dev.sluice.types.YearMonthIntervalType y) {
            return Optional.of(new dev.sluice.types.YearMonthIntervalType(Math.min(x.startField(), y.startField()), Math.max(x.endField(), y.endField())));
        }
        if (a instanceof dev.sluice.types.DayTimeIntervalType x && b instanceof dev.sluice.types.DayTimeIntervalType y) {
            return Optional.of(new dev.sluice.types.DayTimeIntervalType(Math.min(x.startField(), y.startField()), Math.max(x.endField(), y.endField())));
        }
        return complex(a, b, true);
    }

    /** Spark's findWiderTypeForTwo: tightest, then decimal widening, then string promotion, element-wise for nested. */
    public static Optional<DataType> widerType(DataType a, DataType b) {
        Optional<DataType> t = tightestCommonType(a, b);
        if (t.isEmpty()) t = widerDecimal(a, b);
        if (t.isEmpty()) t = stringPromotion(a, b);
        if (t.isEmpty()) t = complex(a, b, false);
        return t;
    }

    /**
     * The type of CASE WHEN branches, coalesce arguments and array elements (Spark's findWiderCommonType);
     * empty when two of them have none. An empty list (or all NULL) gives void.
     */
    public static Optional<DataType> commonType(List<DataType> types) {
        DataType result = DataTypes.NULL;
        for (DataType t : types) {
            Optional<DataType> next = widerType(result, t);
            if (next.isEmpty()) return Optional.empty();
            result = next.get();
        }
        return Optional.of(result);
    }

    /** The type both sides of {@code = < <= > >= <=>} are cast to; empty when they cannot be compared. */
    public static Optional<DataType> comparisonType(DataType a, DataType b) {
        if (a.equals(b)) return Optional.of(a);
        if (a instanceof StringType || b instanceof StringType) {
            Optional<DataType> s = stringPromotion(a, b);
            if (s.isPresent()) return s;
        }
        if ((a instanceof DecimalType && b.isNumeric()) || (b instanceof DecimalType && a.isNumeric())) return widerDecimal(a, b);
        return tightestCommonType(a, b);
    }

    /** {@link #arithmetic(Arithmetic.Op, DataType, DataType, boolean, boolean)} reading integer literals off the operands. */
    public static Optional<ArithmeticTypes> arithmetic(Arithmetic.Op op, Expression left, Expression right) {
        return arithmetic(op, decimalOfLiteral(left), decimalOfLiteral(right), left.dataType(), right.dataType());
    }

    /**
     * The operand and result types of {@code left op right} (column operands: an int meeting a decimal is
     * decimal(10,0)). Empty when the operator does not apply (booleans, dates, two strings, nested types).
     */
    public static Optional<ArithmeticTypes> arithmetic(Arithmetic.Op op, DataType left, DataType right) {
        return arithmetic(op, null, null, left, right);
    }

    private static Optional<ArithmeticTypes> arithmetic(Arithmetic.Op op, DecimalType leftLiteral, DecimalType rightLiteral,
                                                         DataType left, DataType right) {
        requireNonNull(op, "op");
        // a string operand takes the other side's type family first (PromoteStrings)
        if (left instanceof StringType || right instanceof StringType) {
            Optional<DataType> promoted = stringPromotion(left, right);
            if (promoted.isEmpty() || !promoted.get().isNumeric()) return Optional.empty();
            left = promoted.get();
            right = promoted.get();
        }
        if (left instanceof NullType && right instanceof NullType) {
            left = DataTypes.DOUBLE;
            right = DataTypes.DOUBLE;
        } else if (left instanceof NullType) {
            left = right;
        } else if (right instanceof NullType) {
            right = left;
        }
        if (!left.isNumeric() || !right.isNumeric()) return Optional.empty();

        if (left instanceof DecimalType || right instanceof DecimalType) {
            if (isFloating(left) || isFloating(right)) return uniform(op, DataTypes.DOUBLE);
            DecimalType l = left instanceof DecimalType d ? d : leftLiteral != null ? leftLiteral : DecimalRules.forIntegral(left);
            DecimalType r = right instanceof DecimalType d ? d : rightLiteral != null ? rightLiteral : DecimalRules.forIntegral(right);
            DecimalType result = switch (op) {
                case ADD, SUBTRACT -> DecimalRules.add(l, r);
                case MULTIPLY -> DecimalRules.multiply(l, r);
                case DIVIDE -> DecimalRules.divide(l, r);
                case REMAINDER -> DecimalRules.remainder(l, r);
            };
            return Optional.of(new ArithmeticTypes(l, r, result));
        }
        if (op == Arithmetic.Op.DIVIDE) return uniform(op, DataTypes.DOUBLE);   // '/' on non-decimals is always double
        return tightestCommonType(left, right).map(t -> new ArithmeticTypes(t, t, t));
    }

    private static Optional<ArithmeticTypes> uniform(Arithmetic.Op op, DataType t) {
        return Optional.of(new ArithmeticTypes(t, t, t));
    }

    /** The decimal type Spark gives an integer literal in decimal arithmetic: just its digits. */
    private static DecimalType decimalOfLiteral(Expression e) {
        if (e instanceof Literal lit && lit.value() != null && lit.dataType().isIntegral()) {
            int digits = BigInteger.valueOf(((Number) lit.value()).longValue()).abs().toString().length();
            return new DecimalType(digits, 0);
        }
        return null;
    }

    /** Whether the analyzer may cast {@code from} to {@code to} silently (a function argument, an insert). */
    public static boolean canImplicitCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType) return true;
        if (from instanceof StringType && isAtomic(to)) return true;
        if (from instanceof DateType && to instanceof TimestampType) return true;
        return canStoreAssign(from, to);
    }

    // Spark's Cast.canANSIStoreAssign
    private static boolean canStoreAssign(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType) return true;
        if (from.isNumeric() && to.isNumeric()) return true;
        if ((isAtomic(from) || from instanceof dev.sluice.types.TimeType) && to instanceof StringType) return true;
        if (isDatetime(from) && isDatetime(to)) return true;
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return (!a.containsNull() || b.containsNull()) && canStoreAssign(a.elementType(), b.elementType());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return (!a.valueContainsNull() || b.valueContainsNull()) && canStoreAssign(a.keyType(), b.keyType())
                    && canStoreAssign(a.valueType(), b.valueType());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                StructField fa = a.field(i), fb = b.field(i);
                if ((fa.nullable() && !fb.nullable()) || !canStoreAssign(fa.dataType(), fb.dataType())) return false;
            }
            return true;
        }
        return false;
    }

    // Spark's findWiderTypeForDecimal
    private static Optional<DataType> widerDecimal(DataType a, DataType b) {
        if (a instanceof DecimalType x && b instanceof DecimalType y) return Optional.of(widerDecimalType(x, y));
        if (isIntegral(a) && b instanceof DecimalType y) return Optional.of(widerDecimalType(DecimalRules.forIntegral(a), y));
        if (a instanceof DecimalType x && isIntegral(b)) return Optional.of(widerDecimalType(x, DecimalRules.forIntegral(b)));
        if ((isFloating(a) && b instanceof DecimalType) || (a instanceof DecimalType && isFloating(b))) return Optional.of(DataTypes.DOUBLE);
        return Optional.empty();
    }

    /** Spark's widerDecimalType: keep every integral digit first, then as much scale as fits in 38 digits. */
    static DecimalType widerDecimalType(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        int precision = range + scale;
        if (precision <= DecimalType.MAX_PRECISION) return new DecimalType(precision, scale);
        int over = precision - DecimalType.MAX_PRECISION;
        return new DecimalType(DecimalType.MAX_PRECISION, Math.max(0, scale - over));
    }

    // Spark's findWiderTypeForString (ANSI)
    private static Optional<DataType> stringPromotion(DataType a, DataType b) {
        if (!(a instanceof StringType)) {
            if (b instanceof StringType && !(a instanceof StringType)) return stringPromotion(b, a);
            return Optional.empty();
        }
        if (isIntegral(b)) return Optional.of(DataTypes.LONG);
        if (isFloating(b) || b instanceof DecimalType) return Optional.of(DataTypes.DOUBLE);
        if (b instanceof NullType) return Optional.of(DataTypes.STRING);
        if (isAtomic(b) || b instanceof dev.sluice.types.TimeType) return Optional.of(b);
        return Optional.empty();
    }

    // Spark's findTypeForComplex, with the tightest or the wider rule for the parts
    private static Optional<DataType> complex(DataType a, DataType b, boolean tightest) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return parts(x.elementType(), y.elementType(), tightest).map(e -> new ArrayType(e,
                    x.containsNull() || y.containsNull() || Casts.mayFail(x.elementType(), e) || Casts.mayFail(y.elementType(), e)));
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            Optional<DataType> key = parts(x.keyType(), y.keyType(), tightest)
                    .filter(k -> !Casts.mayFail(x.keyType(), k) && !Casts.mayFail(y.keyType(), k));
            if (key.isEmpty()) return Optional.empty();
            return parts(x.valueType(), y.valueType(), tightest).map(v -> new MapType(key.get(), v,
                    x.valueContainsNull() || y.valueContainsNull() || Casts.mayFail(x.valueType(), v) || Casts.mayFail(y.valueType(), v)));
        }
        if (a instanceof StructType x && b instanceof StructType y && x.size() == y.size()) {
            List<StructField> fields = new ArrayList<>(x.size());
            for (int i = 0; i < x.size(); i++) {
                StructField fx = x.field(i), fy = y.field(i);
                if (!fx.name().toLowerCase(Locale.ROOT).equals(fy.name().toLowerCase(Locale.ROOT))) return Optional.empty();
                Optional<DataType> t = parts(fx.dataType(), fy.dataType(), tightest);
                if (t.isEmpty()) return Optional.empty();
                boolean nullable = fx.nullable() || fy.nullable() || Casts.mayFail(fx.dataType(), t.get()) || Casts.mayFail(fy.dataType(), t.get());
                fields.add(new StructField(fx.name(), t.get(), nullable));
            }
            return Optional.of(new StructType(fields));
        }
        return Optional.empty();
    }

    private static Optional<DataType> parts(DataType a, DataType b, boolean tightest) {
        return tightest ? tightestCommonType(a, b) : widerType(a, b);
    }

    private static boolean isWiderThan(DecimalType d, DataType integral) {
        DecimalType needed = DecimalRules.forIntegral(integral);
        return d.precision() - d.scale() >= needed.precision() - needed.scale();
    }

    /** Spark's numericPrecedence: int < bigint < float < double. */
    private static int rank(DataType t) {
        if (t instanceof dev.sluice.types.ByteType) return -2;
        if (t instanceof dev.sluice.types.ShortType) return -1;
        if (t instanceof IntegerType) return 0;
        if (t instanceof LongType) return 1;
        if (t instanceof FloatType) return 2;
        return 3;
    }

    private static boolean isIntegral(DataType t) { return t.isIntegral(); }

    private static boolean isFloating(DataType t) { return t instanceof FloatType || t instanceof DoubleType; }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof dev.sluice.types.TimestampNTZType;
    }

    private static boolean isAtomic(DataType t) {
        return t.isNumeric() || t instanceof StringType || t instanceof BooleanType || t instanceof BinaryType || isDatetime(t)
                || t.isInterval();
    }
}
