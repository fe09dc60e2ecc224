package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.List;

/** Placeholder until the show() renderer lands. */
public final class ShowTable {
    private ShowTable() {}

    public static String render(StructType schema, List<Row> rows, boolean hasMoreRows, int numRows, int truncate, boolean vertical) {
        StringBuilder sb = new StringBuilder(String.join(" | ", schema.fieldNames())).append('\n');
        for (Row r : rows) sb.append(r).append('\n');
        return sb.toString();
    }
}
