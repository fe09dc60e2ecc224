package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.DataFrameReader;
import org.apache.spark.connect.proto.Read;

import java.util.Locale;

/** {@code spark.read...} (a data source with format, schema, options and paths) and {@code spark.table(name)}. */
final class ReadRelations {
    private final Translation tx;

    ReadRelations(Translation tx) { this.tx = tx; }

    DataFrame read(Read read) {
        if (read.getIsStreaming()) throw ConnectErrors.unsupported("readStream", "Sluice has no streaming");
        if (read.hasNamedTable()) {
            if (read.getNamedTable().getOptionsCount() > 0) {
                throw ConnectErrors.unsupported("options of spark.read.table (" + String.join(", ", read.getNamedTable().getOptionsMap().keySet()) + ")",
                        "Sluice's views and tables take no read options");
            }
            return table(read.getNamedTable().getUnparsedIdentifier());
        }
        Read.DataSource ds = read.getDataSource();
        if (ds.getPredicatesCount() > 0) throw ConnectErrors.unsupported("JDBC predicates", "Sluice has no JDBC source");
        String format = ds.hasFormat() ? ds.getFormat().toLowerCase(Locale.ROOT)
                : tx.session().config().get("spark.sql.sources.default");
        DataFrameReader reader = tx.session().sluice().read().format(format);
        if (ds.hasSchema() && !ds.getSchema().isBlank()) reader = reader.schema(SchemaStrings.parseSchema(ds.getSchema()));
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(ds.getOptionsMap());
        String path = options.remove("path");
        reader = reader.options(options);
        if (ds.getPathsCount() == 0 && path != null) return reader.load(path);
        if (path != null) {
            // as Spark (spark.sql.legacy.pathOptionBehavior.enabled=false): both would be read, or one ignored
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "load")
                    .with("reason", "there is a 'path' option set and load() is called with path parameters; "
                            + "remove the path option or give the path to load() only").build();
        }
        return reader.load(ds.getPathsList().toArray(new String[0]));
    }

    DataFrame table(String name) { return tx.session().sluice().table(name); }
}
