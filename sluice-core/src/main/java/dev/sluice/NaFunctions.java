package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.when;

/**
 * Missing values, as Spark's DataFrameNaFunctions: {@code drop} removes rows with NULL (or NaN) values, {@code fill}
 * replaces them, {@code replace} maps values to others. Each builds a filter or a projection; nothing is read.
 */
public final class NaFunctions {
    private final DataFrame df;

    NaFunctions(DataFrame df) { this.df = df; }

    /** Drops the rows holding a NULL or NaN in any column. */
    public DataFrame drop() { return drop("any"); }

    /** {@code "any"}: drop rows with any NULL/NaN; {@code "all"}: only rows where every value is NULL/NaN. */
    public DataFrame drop(String how) { return drop(how, df.columns()); }

    public DataFrame drop(String[] columnNames) { return drop("any", columnNames); }

    public DataFrame drop(String how, String[] columnNames) {
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "any" -> drop(columnNames.length, columnNames);
            case "all" -> drop(1, columnNames);
            default -> throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "na.drop")
                    .with("reason", "how must be 'any' or 'all', not '" + how + "'").build();
        };
    }

    /** Keeps the rows with at least {@code minNonNulls} values that are neither NULL nor NaN. */
    public DataFrame drop(int minNonNulls) { return drop(minNonNulls, df.columns()); }

    public DataFrame drop(int minNonNulls, String[] columnNames) {
        if (columnNames.length == 0) return df;
        Column count = null;
        for (String name : columnNames) {
            Column present = when(present(name), lit(1)).otherwise(lit(0));
            count = count == null ? present : count.plus(present);
        }
        return df.filter(count.geq(lit(minNonNulls)));
    }

    private Column present(String name) {
        Column c = df.col(name);
        DataType t = type(name);
        return t instanceof DoubleType || t instanceof FloatType ? c.isNotNull().and(functions.not(functions.isnan(c))) : c.isNotNull();
    }

    /** Replaces NULL and NaN in the numeric columns by {@code value} (cast to each column's type). */
    public DataFrame fill(double value) { return fill(value, numericColumns()); }

    public DataFrame fill(long value) { return fill((double) value, numericColumns()); }

    public DataFrame fill(double value, String[] columnNames) { return fillWith(lit(value), columnNames, true); }

    public DataFrame fill(long value, String[] columnNames) { return fillWith(lit(value), columnNames, true); }

    /** Replaces NULL in the string columns by {@code value}. */
    public DataFrame fill(String value) { return fill(value, columnsOf(DataTypes.STRING)); }

    public DataFrame fill(String value, String[] columnNames) { return fillWith(lit(value), columnNames, false); }

    /** Replaces NULL in the boolean columns by {@code value}. */
    public DataFrame fill(boolean value) { return fill(value, columnsOf(DataTypes.BOOLEAN)); }

    public DataFrame fill(boolean value, String[] columnNames) { return fillWith(lit(value), columnNames, false); }

    /** Per column: column name → replacement (a number, string or boolean). */
    public DataFrame fill(Map<String, Object> valuesByColumn) {
        Map<String, Column> replaced = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : valuesByColumn.entrySet()) replaced.put(e.getKey(), filled(e.getKey(), lit(e.getValue())));
        return df.withColumns(replaced);
    }

    private DataFrame fillWith(Column value, String[] columnNames, boolean numericOnly) {
        Map<String, Column> replaced = new java.util.LinkedHashMap<>();
        for (String name : columnNames) {
            DataType t = type(name);
            if (numericOnly && !t.isNumeric()) continue;   // as Spark: fill(number) leaves other columns alone
            if (!numericOnly && !t.equals(value.expr().dataType())) continue;
            replaced.put(name, filled(name, value));
        }
        return replaced.isEmpty() ? df : df.withColumns(replaced);
    }

    private Column filled(String name, Column value) {
        Column c = df.col(name);
        DataType t = type(name);
        Column typed = value.cast(t);
        Column missing = t instanceof DoubleType || t instanceof FloatType ? c.isNull().or(functions.isnan(c)) : c.isNull();
        return when(missing, typed).otherwise(c);
    }

    /** Replaces values in the named columns ({@code "*"}: all) by the map's: {@code replace("s", Map.of("a", "b"))}. */
    public <T> DataFrame replace(String columnName, Map<T, T> replacement) { return replace(new String[] {columnName}, replacement); }

    public <T> DataFrame replace(String[] columnNames, Map<T, T> replacement) {
        List<String> names = new ArrayList<>();
        for (String n : columnNames) {
            if (n.equals("*")) names.addAll(List.of(df.columns()));
            else names.add(n);
        }
        Map<String, Column> replaced = new java.util.LinkedHashMap<>();
        for (String name : names) {
            DataType t = type(name);
            Column c = df.col(name);
            Column out = null;
            for (Map.Entry<T, T> e : replacement.entrySet()) {
                if (!fits(e.getKey(), t)) continue;
                Column v = e.getValue() == null ? lit(null).cast(t) : lit(e.getValue()).cast(t);
                Column matches = e.getKey() == null ? c.isNull() : c.equalTo(lit(e.getKey()).cast(t));
                out = out == null ? when(matches, v) : out.when(matches, v);
            }
            if (out != null) replaced.put(name, out.otherwise(c));
        }
        return replaced.isEmpty() ? df : df.withColumns(replaced);
    }

    /** Spark replaces only in columns of the map's kind: numbers in numeric columns, strings in strings, booleans in booleans. */
    private static boolean fits(Object key, DataType t) {
        if (key == null) return true;
        if (key instanceof Number) return t.isNumeric();
        if (key instanceof String) return t.equals(DataTypes.STRING);
        if (key instanceof Boolean) return t.equals(DataTypes.BOOLEAN);
        return false;
    }

    private DataType type(String name) {
        for (StructField f : df.schema().fields()) if (f.name().equalsIgnoreCase(name)) return f.dataType();
        throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                .with("suggestion", dev.sluice.plan.NameSuggestions.didYouMean(name, df.schema().fieldNames())).build();
    }

    private String[] numericColumns() {
        List<String> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) if (f.dataType().isNumeric()) out.add(f.name());
        return out.toArray(new String[0]);
    }

    private String[] columnsOf(DataType type) {
        List<String> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) if (f.dataType().equals(type)) out.add(f.name());
        return out.toArray(new String[0]);
    }
}
