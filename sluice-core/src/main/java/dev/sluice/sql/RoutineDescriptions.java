package dev.sluice.sql;

import dev.sluice.CatalogFunction;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code DESCRIBE FUNCTION [EXTENDED] f} of a SQL function, in Spark's layout: one row per line, the keys padded to
 * one width ({@code Function:}, {@code Type:}, {@code Input:} and a row per further parameter, {@code Returns:}; with
 * EXTENDED {@code Comment:}, {@code Deterministic:}, {@code Data Access:} and {@code Body:}).
 */
final class RoutineDescriptions {
    private RoutineDescriptions() {}

    static List<Row> rows(CatalogFunction f, boolean extended, StructType schema) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Function:", f.qualifiedName()});
        lines.add(new String[] {"Type:", f.table() ? "TABLE" : "SCALAR"});
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < f.parameters().size(); i++) {
            StructField p = f.parameters().get(i);
            String d = f.parameterDefaults().get(i);
            inputs.add(p.name() + " " + p.dataType().sql() + (d == null ? "" : " DEFAULT " + d));
        }
        continued(lines, "Input:", inputs.isEmpty() ? List.of("()") : inputs);
        if (!f.table()) {
            lines.add(new String[] {"Returns:", f.returnType().sql()});
        } else if (f.columns() != null) {
            List<String> cols = new ArrayList<>();
            for (StructField c : f.columns().fields()) cols.add(c.name() + " " + c.dataType().sql());
            continued(lines, "Returns:", cols);
        }
        if (extended) {
            if (f.comment() != null) lines.add(new String[] {"Comment:", f.comment()});
            lines.add(new String[] {"Deterministic:", String.valueOf(f.deterministic())});
            if (f.dataAccess() != null) lines.add(new String[] {"Data Access:", f.dataAccess()});
            lines.add(new String[] {"Body:", f.body()});
        }
        int width = 0;
        for (String[] l : lines) width = Math.max(width, l[0].length());
        List<Row> rows = new ArrayList<>();
        for (String[] l : lines) rows.add(Row.of(schema, String.format("%-" + width + "s %s", l[0], l[1])));
        return rows;
    }

    private static void continued(List<String[]> lines, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) lines.add(new String[] {i == 0 ? key : "", values.get(i)});
    }
}
