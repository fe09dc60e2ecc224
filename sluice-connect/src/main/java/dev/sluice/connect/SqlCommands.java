package dev.sluice.connect;

import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SqlCommand;

/**
 * {@code spark.sql(...)} as a command. Sluice's SQL has queries only (no DDL or DML statements), so the answer is
 * always Spark's for a query: the lazy SQL relation, after parsing and analyzing it now so that errors surface at
 * {@code spark.sql} as in Spark.
 */
final class SqlCommands {
    private SqlCommands() {}

    static void run(ConnectSession session, PlanExecutor executor, SqlCommand c) {
        Relation relation;
        if (c.hasInput()) {
            relation = c.getInput();
        } else {
            SQL.Builder sql = SQL.newBuilder().setQuery(c.getSql()).putAllArgs(c.getArgsMap()).addAllPosArgs(c.getPosArgsList())
                    .putAllNamedArguments(c.getNamedArgumentsMap()).addAllPosArguments(c.getPosArgumentsList());
            relation = Relation.newBuilder().setSql(sql).build();
        }
        new RelationTranslator(new Translation(session)).translate(relation);
        executor.send(executor.response().setSqlCommandResult(
                ExecutePlanResponse.SqlCommandResult.newBuilder().setRelation(relation)));
    }
}
