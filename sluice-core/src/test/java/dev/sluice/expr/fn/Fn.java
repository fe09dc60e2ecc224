package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.plan.Analyzer;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test helper: binds a registry function through the analyzer (ANSI), evaluates it, and returns Java values.
 * Arguments are Java values (literals, typed as {@code lit} types them), {@link Expression}s, or a column
 * {@link #col} whose rows are given separately so the vectorized (non-constant) path runs.
 */
final class Fn {
    private Fn() {}

    /** A column argument: its type and rows. */
    record Col(DataType type, List<?> values) {}

    static Col col(String ddlType, Object... values) {
        return new Col(DdlParser.parseType(ddlType), java.util.Arrays.asList(values));
    }

    static Literal lit(Object value, String ddlType) { return new Literal(value, DdlParser.parseType(ddlType)); }

    /** The bound call (for its type, nullability and SQL text). */
    static Expression bind(String name, Object... args) { return prepare(name, args).bound; }

    /** The SQL text (and so the column name) Spark gives the call as the user wrote it. */
    static String sql(String name, Object... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Object a : args) exprs.add(a instanceof Expression e ? e : Literal.of(a));
        return new FunctionCall(name, exprs, null).sql();
    }

    /** The value of a call on literal arguments (one row). */
    static Object eval(String name, Object... args) {
        return column(name, args).get(0);
    }

    /** The values of a call, one per row of its column arguments (all of one length), or one row if none. */
    static List<Object> column(String name, Object... args) {
        Prepared p = prepare(name, args);
        ColumnVector v = p.bound.evaluate(new Batch(p.columns.toArray(new ColumnVector[0]), p.rows));
        assertThat(v.size()).isEqualTo(p.rows);
        assertThat(v.type()).isEqualTo(p.bound.dataType());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.rows; i++) out.add(v.getObject(i));
        return out;
    }

    static void fails(ErrorCode code, String name, Object... args) {
        assertThatThrownBy(() -> column(name, args))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private record Prepared(Expression bound, List<ColumnVector> columns, int rows) {}

    private static Prepared prepare(String name, Object... args) {
        List<Expression> exprs = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        List<ColumnVector> columns = new ArrayList<>();
        int rows = 1;
        for (Object a : args) {
            if (a instanceof Col c) {
                String colName = "c" + fields.size();
                fields.add(new StructField(colName, c.type(), true));
                columns.add(Vectors.of(c.type(), c.values()));
                rows = c.values().size();
                exprs.add(new ColumnRef(colName, c.type(), true));
            } else {
                exprs.add(a instanceof Expression e ? e : Literal.of(a));
            }
        }
        StructType schema = new StructType(fields);
        Expression resolved = new Analyzer(true).resolve(new FunctionCall(name, exprs, null), schema);
        Expression bound = Expressions.transformUp(resolved, e -> e instanceof ColumnRef r
                ? new BoundColumn(schema.indexOf(r.name()), r.name(), r.dataType(), r.nullable()) : e);
        return new Prepared(bound, columns, rows);
    }
}
