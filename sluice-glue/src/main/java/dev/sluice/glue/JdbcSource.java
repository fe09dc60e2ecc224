package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A table read through plain JDBC as a Sluice source: streamed batch by batch from the result set (bounded
 * memory), in {@code hashpartitions} splits when a {@code hashexpression} is given (split i reads the rows whose
 * expression is i modulo the count, as Glue partitions JDBC reads), else one split. Column types come from the
 * driver's metadata; types without a Sluice counterpart are read as their text.
 */
final class JdbcSource implements DataSource {
    private final JdbcOptions options;
    private final JdbcBookmark.Window window;   // the bookmark's key range to read, or null for the whole table
    private StructType schema;

    JdbcSource(JdbcOptions options) { this(options, null, null); }

    private JdbcSource(JdbcOptions options, JdbcBookmark.Window window, StructType schema) {
        this.options = options;
        this.window = window;
        this.schema = schema;
    }

    /** The same table, reading only the rows of a job bookmark's key range. */
    JdbcSource within(JdbcBookmark.Window window) { return new JdbcSource(options, window, schema()); }

    JdbcOptions options() { return options; }

    @Override public String formatName() { return "jdbc"; }

    @Override public String description() {
        return options.connectionType() + " " + options.dbtable() + (window == null ? "" : " " + window.description());
    }

    @Override public synchronized StructType schema() {
        if (schema == null) {
            try (Connection c = options.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + options.dbtable() + " WHERE 1 = 0")) {
                schema = schemaOf(rs.getMetaData());
            } catch (SQLException e) {
                throw options.failure("cannot read the columns of " + options.dbtable() + ": " + e.getMessage());
            }
        }
        return schema;
    }

    private record Part(String where, int index) implements Split {
        @Override public String description() { return "jdbc partition " + index + (where.isEmpty() ? "" : " WHERE " + where); }

        @Override public long sizeInBytes() { return 0; }
    }

    @Override public List<Split> splits() {
        if (options.hashExpression() == null) return List.of(new Part("", 0));
        List<Split> out = new ArrayList<>();
        int n = options.hashPartitions();
        for (int i = 0; i < n; i++) out.add(new Part("MOD(" + options.hashExpression() + ", " + n + ") = " + i, i));
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        StructType all = schema();
        List<String> columns = new ArrayList<>();
        for (StructField f : projection.fields()) columns.add(options.quote(f.name()));
        List<String> conditions = new ArrayList<>();
        if (window != null) conditions.add(window.condition(options));
        if (!((Part) split).where().isEmpty()) conditions.add(((Part) split).where());
        String select = "SELECT " + (columns.isEmpty() ? "1" : String.join(", ", columns)) + " FROM " + options.dbtable()
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        try {
            Connection c = options.connect();
            java.sql.PreparedStatement s = c.prepareStatement(select);
            s.setFetchSize(Batch.DEFAULT_SIZE);
            if (window != null) window.bind(s, 1);
            ResultSet rs = s.executeQuery();
            return new Reader(c, s, rs, projection, all);
        } catch (SQLException e) {
            throw options.failure("cannot read " + options.dbtable() + ": " + e.getMessage());
        }
    }

    private final class Reader implements BatchReader {
        private final Connection connection;
        private final Statement statement;
        private final ResultSet rs;
        private final StructType projection;
        private boolean done;

        Reader(Connection connection, Statement statement, ResultSet rs, StructType projection, StructType all) {
            this.connection = connection;
            this.statement = statement;
            this.rs = rs;
            this.projection = projection;
        }

        @Override public Batch next() {
            if (done) return null;
            int width = projection.size();
            FlatVector[] vectors = new FlatVector[width];
            for (int i = 0; i < width; i++) vectors[i] = Vectors.allocate(projection.field(i).dataType(), Batch.DEFAULT_SIZE);
            int rows = 0;
            try {
                while (rows < Batch.DEFAULT_SIZE && rs.next()) {
                    for (int i = 0; i < width; i++) vectors[i].appendObject(value(rs, i + 1, projection.field(i).dataType()));
                    rows++;
                }
                if (rows < Batch.DEFAULT_SIZE) done = true;
            } catch (SQLException e) {
                throw options.failure("reading " + options.dbtable() + " failed: " + e.getMessage());
            }
            if (rows == 0) return null;
            return new Batch(java.util.Arrays.copyOf(vectors, width, ColumnVector[].class), rows);
        }

        @Override public void close() {
            try (connection; statement; rs) {
                // closed in reverse order by try-with-resources
            } catch (SQLException e) {
                // closing after a complete read: nothing to recover
            }
        }
    }

    static StructType schemaOf(ResultSetMetaData md) throws SQLException {
        List<StructField> fields = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) fields.add(StructField.of(md.getColumnLabel(i), typeOf(md, i)));
        return new StructType(fields);
    }

    private static DataType typeOf(ResultSetMetaData md, int i) throws SQLException {
        return switch (md.getColumnType(i)) {
            case Types.TINYINT -> DataTypes.BYTE;
            case Types.SMALLINT -> DataTypes.SHORT;
            case Types.INTEGER -> DataTypes.INT;
            case Types.BIGINT -> DataTypes.LONG;
            case Types.REAL -> DataTypes.FLOAT;
            case Types.FLOAT, Types.DOUBLE -> DataTypes.DOUBLE;
            case Types.DECIMAL, Types.NUMERIC -> {
                int p = md.getPrecision(i), s = md.getScale(i);
                yield p <= 0 || p > 38 || s < 0 || s > p ? new DecimalType(38, Math.max(0, Math.min(s, 18))) : new DecimalType(p, s);
            }
            case Types.BOOLEAN, Types.BIT -> DataTypes.BOOLEAN;
            case Types.DATE -> DataTypes.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> DataTypes.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> DataTypes.BINARY;
            default -> DataTypes.STRING;
        };
    }

    static Object value(ResultSet rs, int i, DataType type) throws SQLException {
        Object v;
        if (type.equals(DataTypes.INT)) v = rs.getInt(i);
        else if (type.equals(DataTypes.SHORT)) v = rs.getShort(i);
        else if (type.equals(DataTypes.BYTE)) v = rs.getByte(i);
        else if (type.equals(DataTypes.LONG)) v = rs.getLong(i);
        else if (type.equals(DataTypes.FLOAT)) v = rs.getFloat(i);
        else if (type.equals(DataTypes.DOUBLE)) v = rs.getDouble(i);
        else if (type instanceof DecimalType d) {
            java.math.BigDecimal b = rs.getBigDecimal(i);
            v = b == null ? null : b.setScale(d.scale(), java.math.RoundingMode.HALF_UP);
        } else if (type.equals(DataTypes.BOOLEAN)) v = rs.getBoolean(i);
        else if (type.equals(DataTypes.DATE)) {
            java.sql.Date d = rs.getDate(i);
            v = d == null ? null : d.toLocalDate();
        } else if (type.equals(DataTypes.TIMESTAMP)) {
            java.sql.Timestamp t = rs.getTimestamp(i);
            v = t == null ? null : t.toInstant();
        } else if (type.equals(DataTypes.BINARY)) v = rs.getBytes(i);
        else v = rs.getString(i);
        return rs.wasNull() ? null : v;
    }

    static SluiceException refused(String connection, String reason) {
        return SluiceException.of(ErrorCode.GLUE_CONNECTION_ERROR).with("connection", connection).with("reason", reason).build();
    }
}
