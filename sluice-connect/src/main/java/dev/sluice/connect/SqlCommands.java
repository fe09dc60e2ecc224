package dev.sluice.connect;

import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SqlCommand;

/**
 * {@code spark.sql(...)} as a command. A query's answer is Spark's: the lazy SQL relation, after parsing and
 * analyzing it now so that errors surface at {@code spark.sql} as in Spark. A statement runs now and answers with
 * its result rows.
 */
final class SqlCommands {
    private SqlCommands() {}

    /**
     * A statement (CREATE TABLE, INSERT, SET, SHOW ...) runs once, now, as Spark runs commands; its result rows
     * go back as a local relation, so the client's DataFrame over it does not run the statement again.
     */
    private static Relation statement(ConnectSession session, SqlCommand c) {
        if (c.getArgsCount() > 0 || c.getPosArgsCount() > 0 || c.getNamedArgumentsCount() > 0 || c.getPosArgumentsCount() > 0) {
            throw ConnectErrors.unsupported("parameters in a SQL statement", "Sluice binds parameters in queries only");
        }
        dev.sluice.DataFrame result = session.sluice().sql(c.getSql());
        com.google.protobuf.ByteString data;   // written from the result's batches, column by column, as query results
        try (org.apache.arrow.memory.BufferAllocator allocator = Allocators.root().newChildAllocator("command", 0, Long.MAX_VALUE);
             dev.sluice.exec.CloseableIterator<dev.sluice.vector.Batch> batches = result.toLocalBatches()) {
            data = ArrowBatchEncoder.whole(allocator, result.schema(), batches);
        }
        return Relation.newBuilder().setLocalRelation(org.apache.spark.connect.proto.LocalRelation.newBuilder().setData(data)).build();
    }

    static void run(ConnectSession session, PlanExecutor executor, SqlCommand c) {
        Relation relation;
        if (!c.hasInput() && !dev.sluice.sql.SqlParser.isQuery(c.getSql())) {
            relation = statement(session, c);
        } else if (c.hasInput()) {
            relation = c.getInput();
        } else {
            SQL.Builder sql = SQL.newBuilder().setQuery(c.getSql()).putAllArgs(c.getArgsMap()).addAllPosArgs(c.getPosArgsList())
                    .putAllNamedArguments(c.getNamedArgumentsMap()).addAllPosArguments(c.getPosArgumentsList());
            relation = Relation.newBuilder().setSql(sql).build();
        }
        if (!relation.hasLocalRelation()) new RelationTranslator(new Translation(session)).translate(relation);
        executor.send(executor.response().setSqlCommandResult(
                ExecutePlanResponse.SqlCommandResult.newBuilder().setRelation(relation)));
    }
}
