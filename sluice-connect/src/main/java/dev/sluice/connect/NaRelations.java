package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.functions;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.NADrop;
import org.apache.spark.connect.proto.NAFill;
import org.apache.spark.connect.proto.NAReplace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code df.na.fill}, {@code df.na.drop} and {@code df.na.replace}, built from selects and filters as Spark defines them. */
final class NaRelations {
    private NaRelations() {}

    static DataFrame fill(RelationTranslator relations, NAFill f) {
        DataFrame in = relations.translate(f.getInput());
        StructType schema = in.schema();
        Map<String, Object> byColumn = new LinkedHashMap<>();
        if (f.getValuesCount() == 1) {
            Object v = Literals.value(f.getValues(0));
            List<String> targets = f.getColsCount() > 0 ? f.getColsList() : schema.fieldNames();
            for (String c : targets) {
                DataType t = type(schema, c);
                if (f.getColsCount() > 0 || accepts(t, v)) {
                    if (accepts(t, v)) byColumn.put(c, v);
                }
            }
        } else {
            for (int i = 0; i < f.getColsCount(); i++) byColumn.put(f.getCols(i), Literals.value(f.getValues(i)));
        }
        List<Column> out = new ArrayList<>();
        for (StructField field : schema.fields()) {
            Object v = find(byColumn, field.name());
            Column c = in.col(field.name());
            if (v == null) out.add(c);
            else out.add(functions.coalesce(fillNaN(c, field.dataType()), functions.lit(v).cast(field.dataType())).alias(field.name()));
        }
        return in.select(out.toArray(new Column[0]));
    }

    /** A NaN counts as missing in floating columns, as Spark's fill. */
    private static Column fillNaN(Column c, DataType t) {
        if (t instanceof DoubleType || t instanceof FloatType) return functions.when(functions.isnan(c), functions.lit(null)).otherwise(c);
        return c;
    }

    static DataFrame drop(RelationTranslator relations, NADrop d) {
        DataFrame in = relations.translate(d.getInput());
        StructType schema = in.schema();
        List<String> cols = d.getColsCount() > 0 ? d.getColsList() : schema.fieldNames();
        int min = d.hasMinNonNulls() ? d.getMinNonNulls() : cols.size();
        Column count = functions.lit(0);
        for (String name : cols) {
            Column c = in.col(name);
            DataType t = type(schema, name);
            Column present = c.isNotNull();
            if (t instanceof DoubleType || t instanceof FloatType) present = present.and(functions.not(functions.isnan(c)));
            count = count.plus(functions.when(present, 1).otherwise(0));
        }
        return in.filter(count.geq(min));
    }

    static DataFrame replace(RelationTranslator relations, NAReplace r) {
        DataFrame in = relations.translate(r.getInput());
        StructType schema = in.schema();
        List<String> targets = r.getColsCount() > 0 ? r.getColsList() : schema.fieldNames();
        List<Column> out = new ArrayList<>();
        for (StructField field : schema.fields()) {
            Column c = in.col(field.name());
            if (!containsName(targets, field.name())) {
                out.add(c);
                continue;
            }
            Column replaced = null;
            for (NAReplace.Replacement rep : r.getReplacementsList()) {
                Object oldValue = Literals.value(rep.getOldValue());
                Object newValue = Literals.value(rep.getNewValue());
                if (oldValue != null && !accepts(field.dataType(), oldValue)) continue;
                Column cond = oldValue == null ? c.isNull() : c.equalTo(functions.lit(oldValue));
                Column value = newValue == null ? functions.lit(null).cast(field.dataType()) : functions.lit(newValue).cast(field.dataType());
                replaced = replaced == null ? functions.when(cond, value) : replaced.when(cond, value);
            }
            out.add(replaced == null ? c : replaced.otherwise(c).alias(field.name()));
        }
        return in.select(out.toArray(new Column[0]));
    }

    private static boolean containsName(List<String> names, String name) {
        for (String n : names) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }

    private static Object find(Map<String, Object> byColumn, String name) {
        for (var e : byColumn.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    private static DataType type(StructType schema, String name) {
        for (StructField f : schema.fields()) if (f.name().equalsIgnoreCase(name)) return f.dataType();
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                .with("suggestion", "").build();
    }

    /** Spark fills and replaces numbers in numeric columns, strings in string columns, booleans in boolean ones. */
    private static boolean accepts(DataType t, Object v) {
        if (v instanceof Boolean) return t instanceof BooleanType;
        if (v instanceof String) return t instanceof StringType;
        if (v instanceof Number) return t.isNumeric();
        return false;
    }

    static Object literalValue(Expression.Literal l) { return Literals.value(l); }
}
