package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.StructView;

import java.util.ArrayList;
import java.util.List;

/** {@code struct(a, b, ...)}: a struct whose fields are named after the argument columns; never NULL. */
public record CreateStruct(List<Expression> arguments) implements Expression {
    public CreateStruct {
        arguments = List.copyOf(arguments);
    }

    @Override public DataType dataType() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expression a = arguments.get(i);
            String name = a instanceof Alias || a instanceof ColumnRef || a instanceof GetStructField || a instanceof BoundColumn
                    ? Expressions.outputName(a) : "col" + (i + 1);
            fields.add(new StructField(name, a.dataType(), a.nullable()));
        }
        return new StructType(fields);
    }

    @Override public boolean nullable() { return false; }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new CreateStruct(children); }

    @Override public String sql() {
        List<String> parts = new ArrayList<>();
        for (Expression a : arguments) parts.add(a.sql());
        return "struct(" + String.join(", ", parts) + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector[] children = new ColumnVector[arguments.size()];
        for (int i = 0; i < children.length; i++) children[i] = arguments.get(i).evaluate(batch);
        return new StructView((StructType) dataType(), children, batch.rowCount());
    }
}
