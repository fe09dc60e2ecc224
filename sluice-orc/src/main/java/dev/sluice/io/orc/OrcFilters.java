package dev.sluice.io.orc;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import org.apache.hadoop.hive.ql.io.sarg.PredicateLeaf;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgument;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgumentFactory;
import org.apache.orc.TypeDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * Pushed filters as an ORC SearchArgument, with which ORC skips stripes and row groups (10,000 rows) whose
 * statistics show no row can match. Only what compares the same in ORC's statistics and in Sluice is converted:
 * IS [NOT] NULL, and =, <, <=, >, >= between a top-level integer or string column (read as its file type) and a
 * literal of that type. ORC does not filter rows inside a row group (filtering stays the engine's), so a filter
 * left out only costs reading.
 */
final class OrcFilters {
    private OrcFilters() {}

    /** The SearchArgument of the convertible filters, or null when none is. */
    static SearchArgument of(TypeDescription file, List<Expression> filters) {
        List<Leaf> leaves = new ArrayList<>();
        for (Expression f : filters) {
            Leaf l = leaf(file, f);
            if (l != null) leaves.add(l);
        }
        if (leaves.isEmpty()) return null;
        SearchArgument.Builder b = SearchArgumentFactory.newBuilder().startAnd();
        for (Leaf l : leaves) l.addTo(b);
        return b.end().build();
    }

    private record Leaf(String column, PredicateLeaf.Type type, Comparison.Op op, Object value, Boolean isNull) {
        void addTo(SearchArgument.Builder b) {
            if (isNull != null) {
                if (isNull) b.isNull(column, type);
                else b.startNot().isNull(column, type).end();
                return;
            }
            switch (op) {
                case EQ -> b.equals(column, type, value);
                case LT -> b.lessThan(column, type, value);
                case LE -> b.lessThanEquals(column, type, value);
                case GT -> b.startNot().lessThanEquals(column, type, value).end();
                case GE -> b.startNot().lessThan(column, type, value).end();
                default -> throw new IllegalStateException(op.toString());
            }
        }
    }

    private static Leaf leaf(TypeDescription file, Expression e) {
        if (e instanceof IsNull n && n.child() instanceof ColumnRef c) return column(file, c, null, null, true);
        if (e instanceof IsNotNull n && n.child() instanceof ColumnRef c) return column(file, c, null, null, false);
        if (e instanceof Comparison cmp && cmp.op() != Comparison.Op.EQ_NULL_SAFE) {
            Comparison.Op op = cmp.op();
            Expression col = cmp.left(), other = cmp.right();
            if (!(other instanceof Literal)) {
                col = cmp.right();
                other = cmp.left();
                op = op.flipped();
            }
            if (col instanceof ColumnRef c && other instanceof Literal lit && lit.value() != null && lit.dataType().equals(c.dataType())) {
                return column(file, c, op, lit.value(), null);
            }
        }
        return null;
    }

    private static Leaf column(TypeDescription file, ColumnRef c, Comparison.Op op, Object value, Boolean isNull) {
        int i = OrcValues.indexIgnoringCase(file.getFieldNames(), c.name());
        if (i < 0) return null;
        TypeDescription t = file.getChildren().get(i);
        DataType fileType;
        try {
            fileType = OrcTypes.toSluice(t, c.name());
        } catch (RuntimeException unsupported) {
            return null;
        }
        if (!fileType.equals(c.dataType())) return null;   // read widened: compare in the file's terms only
        String name = file.getFieldNames().get(i);
        if (name.contains(".") || name.contains("`")) return null;   // ORC resolves dotted names as nested paths
        DataType type = c.dataType();
        if (type instanceof LongType || type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType) {
            return new Leaf(name, PredicateLeaf.Type.LONG, op, value == null ? null : ((Number) value).longValue(), isNull);
        }
        if (type instanceof StringType && t.getCategory() == TypeDescription.Category.STRING) {
            return new Leaf(name, PredicateLeaf.Type.STRING, op, value == null ? null : value.toString(), isNull);
        }
        return null;
    }
}
