package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.WriteResult;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.Row;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glue's JDBC connections as sources and sinks. A source is a {@link JdbcSource} scan turned into a frame (the
 * database's types become Glue types, as fromDF does), bookmarked by key columns ({@link JdbcBookmark}); a sink inserts the good records into {@code dbtable}
 * in batches inside one transaction (committed only when every record is in and the thresholds held), creating
 * the table from the frame's schema when it does not exist, as Glue does. Choices must be resolved first.
 */
final class JdbcFrames {
    private JdbcFrames() {}

    static GlueSource source(GlueContext ctx, String connectionType, Map<String, ?> options, String transformationContext) {
        JdbcOptions o = JdbcOptions.parse(connectionType, options, true);
        return () -> {
            Stage stage = Stage.next("read_" + o.connectionType(), TransformOptions.context(transformationContext == null ? "" : transformationContext));
            return new DynamicFrame(ctx, transformationContext, stage, () -> {
                JdbcSource table = new JdbcSource(o);
                JdbcBookmark.Window window = JdbcBookmark.window(ctx.job(), transformationContext, o, table);
                DataFrame df = ctx.sluice().read(window == null ? table : table.within(window));
                return FramePlan.ofDataFrame(df);
            });
        };
    }

    static WriteResult write(DynamicFrame frame, String connectionType, Map<String, ?> options) {
        JdbcOptions o = JdbcOptions.parse(connectionType, options, false);
        GlueStruct schema = frame.schema();
        for (GlueField f : schema.fields()) {
            if (f.type() instanceof dev.sluice.glue.types.ChoiceType || f.type() instanceof GlueStruct
                    || f.type() instanceof dev.sluice.glue.types.GlueArray || f.type() instanceof dev.sluice.glue.types.GlueMap) {
                throw o.failure("field " + f.name() + " is a " + f.type().typeName() + "; a database column holds one atomic type"
                        + " (resolveChoice, unnest or relationalize the frame first)");
            }
        }
        DataFrame good = frame.toDF();
        long rows = 0;
        try (Connection c = o.connect()) {
            c.setAutoCommit(false);
            if (!exists(c, o.dbtable())) create(c, o, good);
            List<String> cols = new ArrayList<>();
            for (String n : good.schema().fieldNames()) cols.add(o.quote(n));
            String insert = "INSERT INTO " + o.dbtable() + " (" + String.join(", ", cols) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(insert); CloseableIterator<Row> it = good.toLocalIterator()) {
                while (it.hasNext()) {
                    Row r = it.next();
                    for (int i = 0; i < r.size(); i++) ps.setObject(i + 1, jdbcValue(r.get(i)));
                    ps.addBatch();
                    if (++rows % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw o.failure("writing " + o.dbtable() + " failed: " + e.getMessage());
        }
        return new WriteResult(o.redacted() + " " + o.dbtable(), rows, 0, 0, false, null);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        }
    }

    private static void create(Connection c, JdbcOptions o, DataFrame df) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (dev.sluice.types.StructField f : df.schema().fields()) cols.add(o.quote(f.name()) + " " + sqlType(f.dataType()));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + o.dbtable() + " (" + String.join(", ", cols) + ")");
        }
    }

    private static String sqlType(DataType t) {
        if (t instanceof DecimalType d) return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
        if (t.equals(DataTypes.INT)) return "INTEGER";
        if (t.equals(DataTypes.SHORT)) return "SMALLINT";
        if (t.equals(DataTypes.BYTE)) return "SMALLINT";   // TINYINT is not standard SQL (PostgreSQL has none)
        if (t.equals(DataTypes.TIMESTAMP_NTZ)) return "TIMESTAMP";
        if (t.equals(DataTypes.LONG)) return "BIGINT";
        if (t.equals(DataTypes.FLOAT)) return "REAL";
        if (t.equals(DataTypes.DOUBLE)) return "DOUBLE PRECISION";
        if (t.equals(DataTypes.BOOLEAN)) return "BOOLEAN";
        if (t.equals(DataTypes.DATE)) return "DATE";
        if (t.equals(DataTypes.TIMESTAMP)) return "TIMESTAMP";
        if (t.equals(DataTypes.BINARY)) return "VARBINARY(65535)";
        return "VARCHAR(65535)";
    }

    private static Object jdbcValue(Object v) {
        if (v instanceof java.time.LocalDate d) return java.sql.Date.valueOf(d);
        if (v instanceof java.time.Instant i) return java.sql.Timestamp.from(i);
        if (v instanceof java.time.LocalDateTime l) return java.sql.Timestamp.valueOf(l);
        return v;
    }
}
