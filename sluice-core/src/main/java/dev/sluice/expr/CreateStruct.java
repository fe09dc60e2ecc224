package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.StructView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct(a, b, ...)}: a never-NULL struct. Field names are fixed when it is built (a column's name, an
 * alias, else {@code colN} as Spark), so later rewrites of the arguments cannot rename fields.
 */
public record CreateStruct(List<String> names, List<Expression> arguments) implements Expression {
    public CreateStruct {
        names = List.copyOf(names);
        arguments = List.copyOf(arguments);
        if (names.size() != arguments.size()) throw new IllegalArgumentException("one name per struct field");
    }

    /** Names the fields as Spark's {@code struct(cols)} does. */
    public static CreateStruct of(List<Expression> arguments) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expression a = arguments.get(i);
            boolean named = a instanceof Alias || a instanceof ColumnRef || a instanceof UnresolvedColumn
                    || a instanceof GetStructField || a instanceof BoundColumn;
            // an extracted field keeps its own name as a struct field (a column of it is named child.field)
            names.add(a instanceof GetStructField g ? g.fieldName() : named ? Expressions.outputName(a) : "col" + (i + 1));
        }
        return new CreateStruct(names, arguments);
    }

    @Override public DataType dataType() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expression a = arguments.get(i);
            fields.add(new StructField(names.get(i), a.dataType(), a.nullable()));
        }
        return new StructType(fields);
    }

    @Override public boolean nullable() { return false; }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new CreateStruct(names, children); }

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
