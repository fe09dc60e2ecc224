package dev.sluice.connect;

import dev.sluice.DataFrame;
import org.apache.spark.connect.proto.SQL;

/** {@code spark.sql(query)} through Sluice's SQL front end, over the session's temporary views. */
final class SqlRelations {
    private SqlRelations() {}

    static DataFrame query(Translation tx, SQL sql) {
        if (sql.getArgsCount() > 0 || sql.getPosArgsCount() > 0 || sql.getNamedArgumentsCount() > 0 || sql.getPosArgumentsCount() > 0) {
            throw ConnectErrors.unsupported("spark.sql with parameters", "Sluice's SQL has no parameter markers yet");
        }
        return tx.session().sluice().sql(sql.getQuery());
    }
}
