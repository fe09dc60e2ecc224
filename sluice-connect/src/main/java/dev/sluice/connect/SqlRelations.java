package dev.sluice.connect;

import dev.sluice.DataFrame;
import org.apache.spark.connect.proto.SQL;

/** {@code spark.sql(query)} through Sluice's SQL front end. */
final class SqlRelations {
    private SqlRelations() {}

    static DataFrame query(Translation tx, SQL sql) {
        throw ConnectErrors.unsupported("spark.sql", "this build has no SQL front end");
    }
}
