package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import org.apache.spark.connect.proto.Unpivot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code df.unpivot(ids, values, variableColumnName, valueColumnName)} (and {@code melt}): one output row per input
 * row and value column, in that order, as {@code inline(array(struct(name, value), ...))}; the values take their
 * least common type, as Spark's.
 */
final class UnpivotRelations {
    private UnpivotRelations() {}

    static DataFrame unpivot(RelationTranslator relations, Unpivot u) {
        DataFrame in = relations.translate(u.getInput());
        ExpressionTranslator expressions = relations.expressions();
        List<Column> ids = expressions.all(u.getIdsList(), in);
        List<Column> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (u.hasValues()) {
            values.addAll(expressions.all(u.getValues().getValuesList(), in));
            for (Column v : values) names.add(in.select(v).columns()[0]);
        } else {
            // all columns that are not ids
            Set<String> idNames = new LinkedHashSet<>();
            for (Column id : ids) idNames.add(in.select(id).columns()[0].toLowerCase(java.util.Locale.ROOT));
            for (String c : in.columns()) {
                if (!idNames.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                    values.add(in.col(c));
                    names.add(c);
                }
            }
        }
        if (values.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "unpivot")
                    .with("reason", "it needs at least one value column (UNPIVOT_REQUIRES_VALUE_COLUMNS)").build();
        }
        List<DataType> types = new ArrayList<>();
        for (Column v : values) types.add(expressions.typeOf(v, in));
        DataType common = TypeCoercion.commonType(types).orElseThrow(() ->
                dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.TYPE_MISMATCH).with("expression", "unpivot")
                        .with("expected", "value columns of one common type").with("actual", types.toString()).build());
        List<Column> structs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            structs.add(functions.struct(functions.lit(names.get(i)).alias(u.getVariableColumnName()),
                    values.get(i).cast(common).alias(u.getValueColumnName())));
        }
        List<Column> out = new ArrayList<>(ids);
        out.add(functions.inline(functions.array(structs.toArray(new Column[0]))));
        return in.select(out.toArray(new Column[0]));
    }
}
