package dev.sluice.connect;

import org.apache.spark.connect.proto.SqlCommand;

/** {@code spark.sql(...)} as a command: queries come back as a lazy SQL relation, statements run at once. */
final class SqlCommands {
    private SqlCommands() {}

    static void run(ConnectSession session, PlanExecutor executor, SqlCommand c) {
        throw ConnectErrors.unsupported("spark.sql", "this build has no SQL front end");
    }
}
