package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

/**
 * {@code format_string(fmt, args...)} / {@code printf}: {@link java.util.Formatter} in Locale.US, as Spark, fed
 * the values Spark feeds it: NULL prints {@code null}; a date is its day number and a timestamp its microseconds
 * (Spark's internal values); decimals are BigDecimal (Spark passes its own Decimal, so {@code %f} on a decimal,
 * an error there, works here). Nested values are TYPE_MISMATCH (Spark prints its internal form).
 * A NULL format gives NULL; a format that does not fit its arguments is INVALID_ARGUMENT.
 */
public final class FormatString implements ScalarFunction {
    private final String name;

    private FormatString(String name) { this.name = name; }

    public static List<ScalarFunction> all() { return List.of(new FormatString("format_string"), new FormatString("printf")); }

    @Override public String name() { return name; }

    @Override public Signature bind(List<Expression> args) {
        FnArgs.arity(name, args, 1, Integer.MAX_VALUE);
        List<DataType> types = new ArrayList<>();
        types.add(FnArgs.expect(name, args, 0, DataTypes.STRING));
        for (int i = 1; i < args.size(); i++) {
            DataType t = args.get(i).dataType();
            if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) throw FnArgs.mismatch(name, args, i, "a scalar value");
            types.add(t);
        }
        return new Signature(types, DataTypes.STRING, args.get(0).nullable());
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        BytesVector out = StringFunctions.strings(rows);
        Object[] values = new Object[args.length - 1];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            if (args[0].isNull(i)) {
                out.appendNull();
                continue;
            }
            for (int k = 1; k < args.length; k++) values[k - 1] = internal(args[k], i);
            sb.setLength(0);
            String fmt = args[0].getString(i);
            try (java.util.Formatter f = new java.util.Formatter(sb, Locale.US)) {
                f.format(fmt, values);
            } catch (IllegalFormatException e) {
                throw FnArgs.invalid(name, "the format '" + fmt + "' does not fit its arguments: " + e.getMessage());
            }
            out.append(sb.toString());
        }
        return out;
    }

    /** The value Spark hands to the formatter: dates as day numbers, timestamps as microseconds. */
    private static Object internal(ColumnVector v, int i) {
        if (v.isNull(i)) return null;
        DataType t = v.type();
        if (t.equals(DataTypes.DATE)) return v.getInt(i);
        if (t.equals(DataTypes.TIMESTAMP)) return v.getLong(i);
        return v.getObject(i);
    }

    @Override public String sql(List<Expression> args) { return FnArgs.call(name, args); }
}
