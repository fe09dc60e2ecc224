package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (a, b, ...)} ({@code col.isin(...)}): TRUE when the value equals one of the list, else NULL when
 * the value or some list item is NULL, else FALSE (SQL's three-valued IN). All operands meet in their common type.
 */
final class InFunction implements ScalarFunction {
    @Override public String name() { return "in"; }

    @Override public Signature bind(List<Expression> arguments) {
        FnArgs.arity(name(), arguments, 2, Integer.MAX_VALUE);
        List<DataType> types = new ArrayList<>();
        dev.sluice.types.StringType collated = dev.sluice.expr.CollationPrecedence.common(arguments);
        for (Expression a : arguments) types.add(collated != null && a.dataType() instanceof dev.sluice.types.StringType ? collated : a.dataType());
        DataType common = TypeCoercion.commonType(types).orElseThrow(() -> FnArgs.mismatch(name(), arguments, 1,
                "values of one type (" + String.join(", ", types.stream().map(DataType::simpleString).toList()) + ")"));
        List<DataType> argumentTypes = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) argumentTypes.add(common);
        return new Signature(argumentTypes, DataTypes.BOOLEAN, FnArgs.anyNullable(arguments));
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        DataType type = signature.argumentTypes().get(0);
        ColumnVector value = arguments[0];
        BooleanVector out = new BooleanVector(DataTypes.BOOLEAN, rowCount);
        for (int r = 0; r < rowCount; r++) {
            if (value.isNull(r)) {
                out.appendNull();
                continue;
            }
            boolean found = false;
            boolean sawNull = false;
            for (int k = 1; k < arguments.length && !found; k++) {
                if (arguments[k].isNull(r)) sawNull = true;
                else found = ValueComparator.compare(type, value, r, arguments[k], r) == 0;
            }
            if (found) out.append(true);
            else if (sawNull) out.appendNull();
            else out.append(false);
        }
        return out;
    }

    /** Spark's name: {@code (a IN (1, 2))}. */
    @Override public String sql(List<Expression> arguments) {
        List<String> items = new ArrayList<>();
        for (Expression a : arguments.subList(1, arguments.size())) items.add(a.sql());
        return "(" + arguments.get(0).sql() + " IN (" + String.join(", ", items) + "))";
    }
}
