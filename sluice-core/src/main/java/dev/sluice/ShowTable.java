package dev.sluice;

import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code Dataset.show} prints, exactly as Spark 4.1 prints it (its {@code showString} plus the
 * line end {@code println} adds). Cells are rendered by {@link ValueRenderer} in show style ({@code NULL},
 * hex binary, nested values as {@code {1, x}}, {@code [1, 2]}, {@code {a -> 1}}), control characters are
 * escaped ({@code \t \n \r \f \b \v \a}), and cells longer than {@code truncate} are cut to
 * {@code truncate - 3} characters plus {@code ...} (or to {@code truncate} characters when it is under 4).
 * Widths count East Asian wide characters as two, as Spark does. With {@code truncate > 0} cells and headers
 * are right-aligned, with 0 left-aligned.
 */
public final class ShowTable {
    private ShowTable() {}

    private static final int MIN_COLUMN_WIDTH = 3;

    /** {@link #render(StructType, List, boolean, int, int, boolean, ZoneId)} with timestamps shown in the session zone. */
    public static String render(StructType schema, List<Row> rows, boolean hasMoreRows, int numRows, int truncate, boolean vertical) {
        return render(schema, rows, hasMoreRows, numRows, truncate, vertical, dev.sluice.types.SessionZone.current());
    }

    /**
     * Renders {@code rows} (at most {@code numRows} are shown; more, or {@code hasMoreRows}, adds the
     * "only showing top N rows" footer) of {@code schema}, timestamps in the session zone {@code zone}.
     * The result is what {@code show()} writes to standard output, final line end included.
     */
    public static String render(StructType schema, List<Row> rows, boolean hasMoreRows, int numRows, int truncate,
                                boolean vertical, ZoneId zone) {
        int limit = Math.max(numRows, 0);
        boolean hasMore = hasMoreRows || rows.size() > limit;
        List<Row> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        ValueRenderer.Style style = ValueRenderer.Style.show(zone);

        int numCols = schema.size();
        List<String> header = new ArrayList<>(numCols);
        for (String name : schema.fieldNames()) header.add(escape(name));   // names are escaped, never truncated
        List<List<String>> cells = new ArrayList<>(shown.size());
        for (Row row : shown) {
            List<String> line = new ArrayList<>(numCols);
            for (int c = 0; c < numCols; c++) {
                String text = escape(ValueRenderer.render(row.get(c), schema.field(c).dataType(), style));
                line.add(cut(text, truncate));
            }
            cells.add(line);
        }

        StringBuilder sb = new StringBuilder();
        if (!vertical) table(sb, header, cells, truncate);
        else verticalRecords(sb, header, cells);

        if (vertical && cells.isEmpty()) {
            sb.append("(0 rows)");
        } else if (hasMore) {
            sb.append("only showing top ").append(limit).append(limit == 1 ? " row" : " rows");
        }
        return sb.append('\n').toString();   // println's line end
    }

    private static void table(StringBuilder sb, List<String> header, List<List<String>> cells, int truncate) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(MIN_COLUMN_WIDTH, displayWidth(header.get(c)));
            for (List<String> line : cells) widths[c] = Math.max(widths[c], displayWidth(line.get(c)));
        }
        // Scala's addString(sb, "+", "+", "+\n"): a frame without columns still gets "++"
        StringBuilder sep = new StringBuilder("+");
        for (int c = 0; c < widths.length; c++) sep.append(c > 0 ? "+" : "").append("-".repeat(widths[c]));
        sep.append("+\n");

        sb.append(sep);
        line(sb, header, widths, truncate > 0);
        sb.append(sep);
        for (List<String> l : cells) line(sb, l, widths, truncate > 0);
        sb.append(sep);
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths, boolean alignRight) {
        sb.append('|');
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) sb.append('|');
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - displayWidth(cell));
            if (alignRight) sb.append(padding).append(cell);
            else sb.append(cell).append(padding);
        }
        sb.append("|\n");
    }

    private static void verticalRecords(StringBuilder sb, List<String> header, List<List<String>> cells) {
        int nameWidth = MIN_COLUMN_WIDTH;
        for (String h : header) nameWidth = Math.max(nameWidth, displayWidth(h));
        int dataWidth = MIN_COLUMN_WIDTH;
        for (List<String> l : cells) for (String cell : l) dataWidth = Math.max(dataWidth, displayWidth(cell));
        for (int r = 0; r < cells.size(); r++) {
            String title = "-RECORD " + r;
            sb.append(title).append("-".repeat(Math.max(0, nameWidth + dataWidth + 5 - title.length()))).append('\n');
            List<String> l = cells.get(r);
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c), cell = l.get(c);
                sb.append(' ').append(name).append(" ".repeat(nameWidth - displayWidth(name)))
                        .append(" | ").append(cell).append(" ".repeat(dataWidth - displayWidth(cell))).append(" \n");
            }
        }
    }

    /** Spark's truncation: by UTF-16 length, as Spark's {@code String.substring} does. */
    private static String cut(String s, int truncate) {
        if (truncate <= 0 || s.length() <= truncate) return s;
        return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
    }

    /** Spark's escapeMetaCharacters: control characters that would break the table layout. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '\n': rep = "\\n"; break;
                case '\r': rep = "\\r"; break;
                case '\t': rep = "\\t"; break;
                case '\f': rep = "\\f"; break;
                case '\b': rep = "\\b"; break;
                case '\u000B': rep = "\\v"; break;
                case '\u0007': rep = "\\a"; break;
                default: rep = null;
            }
            if (rep == null) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }

    /** Spark's stringHalfWidth: UTF-16 length plus one for each East Asian full-width character. */
    static int displayWidth(String s) {
        int width = s.length();
        for (int i = 0; i < s.length(); i++) if (isFullWidth(s.charAt(i))) width++;
        return width;
    }

    private static boolean isFullWidth(char c) {
        return (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE10' && c <= '\uFE19') || (c >= '\uFE30' && c <= '\uFE6F')
                || (c >= '\uFF00' && c <= '\uFF60') || (c >= '\uFFE0' && c <= '\uFFE6');
    }
}
