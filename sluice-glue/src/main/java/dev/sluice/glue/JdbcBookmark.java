package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.job.BookmarkState;
import dev.sluice.glue.job.Job;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Glue's JDBC job bookmarks (GLUE.md §5.4): a bookmarked JDBC source (a transformationContext and an enabled or
 * paused bookmark) reads only rows whose key lies beyond the last key a committed run read. The key is
 * {@code jobBookmarkKeys} (one or more columns, compared as a compound key) or else the table's primary key; keys
 * must be strictly increasing ({@code jobBookmarkKeysSortOrder} asc, the default) or decreasing (desc), gaps allowed,
 * so bookmarks see new rows, not updated ones, as in Glue. When the frame is planned, the source fixes the range's
 * end by reading the table's current last key (one small query), so every action of the run reads the same rows and
 * commit() saves exactly that key. Rows whose key is null are never read by a bookmarked source.
 */
final class JdbcBookmark {
    private JdbcBookmark() {}

    /** The rows a run reads: keys beyond {@code after} (null: from the start) up to {@code upTo} (null: none at all). */
    record Window(List<String> columns, List<DataType> types, boolean descending, List<String> after, List<String> upTo) {
        String description() { return "bookmark " + columns + (descending ? " desc" : "") + " in (" + after + ", " + upTo + "]"; }

        /** The SQL condition; its parameters are bound by {@link #bind}. */
        String condition(JdbcOptions o) {
            if (upTo == null) return "1 = 0";
            String end = "NOT (" + beyond(o, columns, descending) + ")";
            return after == null ? end : "(" + beyond(o, columns, descending) + ") AND " + end;
        }

        /** Binds the condition's parameters from {@code index}; returns the next index. */
        int bind(PreparedStatement ps, int index) throws SQLException {
            if (upTo == null) return index;
            if (after != null) index = bindBeyond(ps, index, after);
            return bindBeyond(ps, index, upTo);
        }

        private int bindBeyond(PreparedStatement ps, int index, List<String> values) throws SQLException {
            for (int i = 0; i < columns.size(); i++) {
                for (int j = 0; j <= i; j++) setValue(ps, index++, values.get(j), types.get(j));
            }
            return index;
        }
    }

    /**
     * The window for a source in the current run, or null when it is not bookmarked; records the range's end with
     * the job so that commit() saves it.
     */
    static Window window(Job job, String context, JdbcOptions o, JdbcSource table) {
        if (job == null) return null;
        Job.KeyWindow w = job.keyWindow(context);
        if (w == null) return null;
        StructType schema = table.schema();
        List<String> columns = keyColumns(o, schema);
        List<DataType> types = new ArrayList<>();
        for (String c : columns) {
            DataType t = schema.field(schema.indexOf(c)).dataType();
            if (!t.isNumeric() && !t.equals(DataTypes.STRING) && !t.equals(DataTypes.DATE) && !t.equals(DataTypes.TIMESTAMP)) {
                throw SourceOptions.invalid("jobBookmarkKeys", String.join(",", columns), "the key column " + c + " is "
                        + t.simpleString() + "; bookmark keys are numbers, strings, dates or timestamps");
            }
            types.add(t);
        }
        List<String> after = valuesOf(w.after(), columns, o, context);
        List<String> upTo;
        if (w.fixedUpTo()) {
            upTo = valuesOf(w.upTo(), columns, o, context);
        } else {
            upTo = lastKey(o, columns, types, after);
            if (upTo == null) upTo = after;   // nothing new: the bookmark stays where it is
            if (upTo != null) job.recordKeys(context, new BookmarkState.KeyMark(columns, o.descending(), upTo));
        }
        return new Window(columns, types, o.descending(), after, upTo);
    }

    private static List<String> valuesOf(BookmarkState.KeyMark mark, List<String> columns, JdbcOptions o, String context) {
        if (mark == null) return null;
        if (!mark.columns().equals(columns) || mark.descending() != o.descending()) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", context)
                    .with("reason", "the bookmark of '" + context + "' was kept on the keys " + mark.columns() + (mark.descending() ? " desc" : " asc")
                            + " but the source now uses " + columns + (o.descending() ? " desc" : " asc")
                            + "; do not change a bookmarked source's keys (reset the bookmark first)").build();
        }
        return mark.values();
    }

    /** The key columns as the table spells them: jobBookmarkKeys, else the primary key. */
    private static List<String> keyColumns(JdbcOptions o, StructType schema) {
        List<String> keys = o.bookmarkKeys().isEmpty() ? primaryKey(o) : o.bookmarkKeys();
        if (keys.isEmpty()) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", o.dbtable())
                    .with("reason", o.dbtable() + " has no primary key, so a bookmark has no key to follow; set jobBookmarkKeys "
                            + "(columns whose values strictly increase, or decrease with jobBookmarkKeysSortOrder desc)").build();
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String found = null;
            for (StructField f : schema.fields()) if (f.name().equalsIgnoreCase(k)) found = f.name();
            if (found == null) throw SourceOptions.invalid("jobBookmarkKeys", String.join(",", keys), o.dbtable() + " has no column " + k);
            out.add(found);
        }
        return out;
    }

    private static List<String> primaryKey(JdbcOptions o) {
        String table = o.dbtable(), schemaName = null;
        int dot = table.lastIndexOf('.');
        if (dot > 0) {
            schemaName = table.substring(0, dot);
            table = table.substring(dot + 1);
        }
        try (Connection c = o.connect()) {
            DatabaseMetaData md = c.getMetaData();
            for (String t : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                String s = schemaName == null ? null : md.storesUpperCaseIdentifiers() ? schemaName.toUpperCase(Locale.ROOT)
                        : md.storesLowerCaseIdentifiers() ? schemaName.toLowerCase(Locale.ROOT) : schemaName;
                TreeMap<Short, String> columns = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(null, s, t)) {
                    while (rs.next()) columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
                if (!columns.isEmpty()) return new ArrayList<>(columns.values());
            }
            return List.of();
        } catch (SQLException e) {
            throw o.failure("cannot read the primary key of " + o.dbtable() + ": " + e.getMessage());
        }
    }

    /** The last key (largest ascending, smallest descending) beyond {@code after}, or null when there is none. */
    private static List<String> lastKey(JdbcOptions o, List<String> columns, List<DataType> types, List<String> after) {
        List<String> quoted = new ArrayList<>(), order = new ArrayList<>();
        for (String c : columns) {
            quoted.add(o.quote(c));
            order.add(o.quote(c) + (o.descending() ? " ASC" : " DESC"));
        }
        String sql = "SELECT " + String.join(", ", quoted) + " FROM " + o.dbtable()
                + (after == null ? "" : " WHERE " + beyond(o, columns, o.descending())) + " ORDER BY " + String.join(", ", order);
        Window bindings = new Window(columns, types, o.descending(), null, after);
        try (Connection c = o.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(1);
            if (after != null) bindings.bindBeyond(ps, 1, after);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                List<String> values = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object v = JdbcSource.value(rs, i + 1, types.get(i));
                    if (v == null) return null;   // a null key: not a row a bookmark can follow
                    values.add(text(v));
                }
                return values;
            }
        } catch (SQLException e) {
            throw o.failure("cannot read the last bookmark key of " + o.dbtable() + ": " + e.getMessage());
        }
    }

    /** {@code (k1, ..., kn) > (?, ..., ?)} (or {@code <} descending) spelled out, as not every database compares rows. */
    private static String beyond(JdbcOptions o, List<String> columns, boolean descending) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) parts.add(o.quote(columns.get(j)) + " = ?");
            parts.add(o.quote(columns.get(i)) + (descending ? " < ?" : " > ?"));
            terms.add("(" + String.join(" AND ", parts) + ")");
        }
        return String.join(" OR ", terms);
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) return d.toPlainString();
        return v.toString();   // Instant and LocalDate print ISO-8601, read back below
    }

    private static void setValue(PreparedStatement ps, int index, String value, DataType type) throws SQLException {
        if (type.equals(DataTypes.LONG)) ps.setLong(index, Long.parseLong(value));
        else if (type.equals(DataTypes.INT) || type.equals(DataTypes.SHORT) || type.equals(DataTypes.BYTE)) ps.setInt(index, Integer.parseInt(value));
        else if (type instanceof DecimalType) ps.setBigDecimal(index, new BigDecimal(value));
        else if (type.equals(DataTypes.DOUBLE) || type.equals(DataTypes.FLOAT)) ps.setDouble(index, Double.parseDouble(value));
        else if (type.equals(DataTypes.DATE)) ps.setDate(index, java.sql.Date.valueOf(LocalDate.parse(value)));
        else if (type.equals(DataTypes.TIMESTAMP)) ps.setTimestamp(index, java.sql.Timestamp.from(Instant.parse(value)));
        else ps.setString(index, value);
    }
}
