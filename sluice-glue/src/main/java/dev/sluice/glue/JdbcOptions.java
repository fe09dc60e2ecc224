package dev.sluice.glue;

import dev.sluice.error.SluiceException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Glue's JDBC connection options ({@code connection_type} postgresql, mysql, sqlserver, oracle, redshift, or
 * custom.jdbc with any JDBC url): {@code url}, {@code dbtable}, {@code user}, {@code password}, and for reads
 * {@code hashexpression}/{@code hashpartitions} (parallel reads). The driver must be on the class path; when it
 * is not, the connection is refused with GLUE_CONNECTION_ERROR naming the driver to add. Reads take the job
 * bookmark options {@code jobBookmarkKeys} and {@code jobBookmarkKeysSortOrder} ({@link JdbcBookmark}). Other
 * Glue options (catalog connections, drivers from S3) are refused with INVALID_OPTION.
 */
record JdbcOptions(String connectionType, String url, String dbtable, String user, String password,
                   String hashExpression, int hashPartitions, String driverClass, List<String> bookmarkKeys, boolean descending) {
    /** Glue's JDBC connection types and the driver each needs (Maven coordinates, for the error message). */
    private static final Map<String, String> DRIVERS = Map.of(
            "postgresql", "org.postgresql:postgresql", "mysql", "com.mysql:mysql-connector-j",
            "sqlserver", "com.microsoft.sqlserver:mssql-jdbc", "oracle", "com.oracle.database.jdbc:ojdbc11",
            "redshift", "com.amazon.redshift:redshift-jdbc42");
    private static final Set<String> KEYS = Set.of("url", "dbtable", "user", "password", "hashexpression", "hashpartitions", "classname",
            "jobbookmarkkeys", "jobbookmarkkeyssortorder");

    static boolean isJdbc(String connectionType) {
        String t = connectionType.toLowerCase(Locale.ROOT);
        return DRIVERS.containsKey(t) || t.equals("custom.jdbc");
    }

    static JdbcOptions parse(String connectionType, Map<String, ?> options, boolean forRead) {
        String type = connectionType.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ?> e : options.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(k) || (!forRead && (k.startsWith("hash") || k.startsWith("jobbookmark")))) {
                throw SourceOptions.invalid(e.getKey(), String.valueOf(e.getValue()), "not a " + type + " option Sluice honours " + KEYS);
            }
        }
        String url = get(options, "url");
        String table = get(options, "dbtable");
        if (url == null) throw SourceOptions.invalid("url", "(none)", "a " + type + " connection needs a JDBC url");
        if (table == null) throw SourceOptions.invalid("dbtable", "(none)", "a " + type + " connection needs dbtable");
        if (!type.equals("custom.jdbc") && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:" + type + ":")) {
            throw SourceOptions.invalid("url", url, "a " + type + " connection needs a jdbc:" + type + ": url (use custom.jdbc for other databases)");
        }
        String hash = get(options, "hashexpression");
        String parts = get(options, "hashpartitions");
        int n;
        try {
            n = parts == null ? 7 : Integer.parseInt(parts.trim());   // Glue's default
        } catch (NumberFormatException e) {
            throw SourceOptions.invalid("hashpartitions", parts, "a whole number of partitions");
        }
        if (n < 1) throw SourceOptions.invalid("hashpartitions", parts, "at least 1");
        if (parts != null && hash == null) throw SourceOptions.invalid("hashpartitions", parts, "needs hashexpression");
        String order = get(options, "jobBookmarkKeysSortOrder");
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw SourceOptions.invalid("jobBookmarkKeysSortOrder", order, "asc or desc");
        }
        return new JdbcOptions(type, url, table, get(options, "user"), get(options, "password"), hash, n, get(options, "className"),
                bookmarkKeys(options), order != null && order.equalsIgnoreCase("desc"));
    }

    /** {@code jobBookmarkKeys}: a list, a JSON list string ({@code ["id"]}) or comma-separated names. */
    private static List<String> bookmarkKeys(Map<String, ?> options) {
        Object v = null;
        for (Map.Entry<String, ?> e : options.entrySet()) if (e.getKey().equalsIgnoreCase("jobBookmarkKeys")) v = e.getValue();
        if (v == null) return List.of();
        List<String> keys = new ArrayList<>();
        if (v instanceof java.util.Collection<?> c) {
            for (Object o : c) keys.add(String.valueOf(o).trim());
        } else {
            String s = String.valueOf(v).trim();
            if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
            for (String part : s.split(",")) {
                String k = part.trim();
                if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) k = k.substring(1, k.length() - 1);
                keys.add(k);
            }
        }
        for (String k : keys) if (k.isEmpty()) throw SourceOptions.invalid("jobBookmarkKeys", String.valueOf(v), "a list of column names");
        return List.copyOf(keys);
    }

    private static String get(Map<String, ?> options, String key) {
        for (Map.Entry<String, ?> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && e.getValue() != null) return String.valueOf(e.getValue());
        }
        return null;
    }

    Connection connect() throws SQLException {
        if (driverClass != null) {
            try {
                Class.forName(driverClass);
            } catch (ClassNotFoundException e) {
                throw failure("the driver class " + driverClass + " is not on the class path");
            }
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            String coordinates = DRIVERS.get(connectionType);
            throw failure("no JDBC driver on the class path accepts " + redacted()
                    + (coordinates == null ? "; add the database's JDBC driver" : "; add the driver " + coordinates));
        }
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    /** The url without its query parameters (they may hold credentials). */
    String redacted() {
        int q = url.indexOf('?'), s = url.indexOf(';');
        int cut = q < 0 ? s : s < 0 ? q : Math.min(q, s);
        return cut < 0 ? url : url.substring(0, cut);
    }

    /** A column name quoted for SQL (standard double quotes; MySQL's backticks). */
    String quote(String name) {
        return connectionType.equals("mysql") ? "`" + name.replace("`", "``") + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    SluiceException failure(String reason) { return JdbcSource.refused(connectionType, reason); }
}
