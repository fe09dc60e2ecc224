package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A generator: one row in, zero or more rows out ({@code explode}, {@code posexplode}, {@code inline} and
 * their {@code _outer} forms). Only allowed as a whole select item; the analyzer turns it into a Generate
 * plan node, so it is never evaluated as a column. Its {@link #dataType} is the struct of the columns it
 * produces, named with Spark's defaults: {@code col}, {@code pos}, {@code key}, {@code value}, or the
 * fields of inline's structs. {@code outer} keeps a row of nulls for a null or empty input.
 */
public record Generator(Kind kind, Expression child, boolean outer) implements Expression {
    public enum Kind { EXPLODE, POSEXPLODE, INLINE }

    public Generator {
        requireNonNull(kind, "kind");
        requireNonNull(child, "child");
    }

    /** The produced columns (Spark's elementSchema); outer makes every one nullable. */
    @Override public StructType dataType() {
        DataType t = child.dataType();
        List<StructField> out = new ArrayList<>();
        if (kind == Kind.POSEXPLODE) out.add(new StructField("pos", DataTypes.INT, outer));
        if (kind == Kind.INLINE) {
            if (!(t instanceof ArrayType a && a.elementType() instanceof StructType st)) throw SluiceException.internal("inline of " + t);
            for (StructField f : st.fields()) out.add(new StructField(f.name(), f.dataType(), outer || f.nullable() || a.containsNull()));
        } else if (t instanceof ArrayType a) {
            out.add(new StructField("col", a.elementType(), outer || a.containsNull()));
        } else if (t instanceof MapType m) {
            out.add(new StructField("key", m.keyType(), outer));
            out.add(new StructField("value", m.valueType(), outer || m.valueContainsNull()));
        } else {
            throw SluiceException.internal(sql() + " of " + t);
        }
        return new StructType(out);
    }

    @Override public boolean nullable() { return false; }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Generator(kind, Expressions.only(children), outer); }

    @Override public String sql() {
        return kind.name().toLowerCase(Locale.ROOT) + (outer ? "_outer(" : "(") + child.sql() + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) {
        throw SluiceException.internal(sql() + " is a generator: it runs as a Generate operator, not as a column");
    }
}
