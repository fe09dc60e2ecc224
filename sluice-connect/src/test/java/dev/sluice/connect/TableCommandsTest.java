package dev.sluice.connect;

import dev.sluice.Sluice;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Range;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.SqlCommand;
import org.apache.spark.connect.proto.WriteOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Managed tables over the protocol: spark.sql("CREATE TABLE ..."), saveAsTable and insertInto (WriteOperation with a table). */
class TableCommandsTest {
    @Test void tablesThroughSqlCommandsAndWriteOperations(@TempDir Path dir) {
        try (Sluice sluice = Sluice.builder().parallelism(2).config("spark.sql.warehouse.dir", dir.toString()).build();
             SluiceConnectServer server = SluiceConnectServer.start(sluice, 0)) {
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                var stub = SparkConnectServiceGrpc.newBlockingStub(ch);
                String session = UUID.randomUUID().toString();
                List<ExecutePlanResponse> created = execute(stub, session, Command.newBuilder()
                        .setSqlCommand(SqlCommand.newBuilder().setSql("CREATE TABLE t (id BIGINT) USING json")).build());
                assertThat(created.get(0).getSqlCommandResult().getRelation().hasLocalRelation()).isTrue();
                assertThat(sluice.catalog().catalogTable(List.of("t"))).isPresent();   // ran once, on the server, now

                Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(3).setStep(1)).build();
                execute(stub, session, Command.newBuilder().setWriteOperation(WriteOperation.newBuilder().setInput(range)
                        .setTable(WriteOperation.SaveTable.newBuilder().setTableName("t")
                                .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO))).build());
                assertThat(sluice.table("t").count()).isEqualTo(3);

                execute(stub, session, Command.newBuilder().setWriteOperation(WriteOperation.newBuilder().setInput(range).setSource("json")
                        .setMode(WriteOperation.SaveMode.SAVE_MODE_OVERWRITE)
                        .setTable(WriteOperation.SaveTable.newBuilder().setTableName("u")
                                .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE))).build());
                assertThat(sluice.table("u").count()).isEqualTo(3);

                List<ExecutePlanResponse> shown = execute(stub, session, Command.newBuilder()
                        .setSqlCommand(SqlCommand.newBuilder().setSql("SHOW TABLES")).build());
                Relation tables = shown.get(0).getSqlCommandResult().getRelation();
                List<ExecutePlanResponse> rows = new ArrayList<>();
                stub.executePlan(ExecutePlanRequest.newBuilder().setSessionId(session).setPlan(Plan.newBuilder().setRoot(tables)).build())
                        .forEachRemaining(rows::add);
                long count = rows.stream().filter(ExecutePlanResponse::hasArrowBatch).mapToLong(r -> r.getArrowBatch().getRowCount()).sum();
                assertThat(count).isEqualTo(2);
                assertThat(sluice.table("t").count()).isEqualTo(3);   // reading the result did not run anything again
            } finally {
                ch.shutdownNow();
            }
        }
    }

    /** Buckets, external tables and databases over the protocol: WriteOperation.bucket_by/sort_column_names, Catalog relations. */
    @Test void bucketedAndExternalTablesAndDatabases(@TempDir Path dir) {
        try (Sluice sluice = Sluice.builder().parallelism(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
             SluiceConnectServer server = SluiceConnectServer.start(sluice, 0)) {
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                var stub = SparkConnectServiceGrpc.newBlockingStub(ch);
                String session = UUID.randomUUID().toString();
                Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(10).setStep(1)).build();
                execute(stub, session, Command.newBuilder().setWriteOperation(WriteOperation.newBuilder().setInput(range).setSource("json")
                        .setBucketBy(WriteOperation.BucketBy.newBuilder().setNumBuckets(2).addBucketColumnNames("id")).addSortColumnNames("id")
                        .setTable(WriteOperation.SaveTable.newBuilder().setTableName("b")
                                .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE))).build());
                assertThat(sluice.table("b").count()).isEqualTo(10);
                assertThat(sluice.catalog().catalogTable(List.of("b")).orElseThrow().buckets().numBuckets()).isEqualTo(2);

                Path ext = dir.resolve("ext");
                sluice.range(4).write().json(ext.toString());
                execute(stub, session, Command.newBuilder().setSqlCommand(SqlCommand.newBuilder().setSql("CREATE DATABASE d")).build());
                Relation create = Relation.newBuilder().setCatalog(org.apache.spark.connect.proto.Catalog.newBuilder()
                        .setCreateTable(org.apache.spark.connect.proto.CreateTable.newBuilder().setTableName("d.e").setPath(ext.toString()).setSource("json"))).build();
                stub.executePlan(ExecutePlanRequest.newBuilder().setSessionId(session).setPlan(Plan.newBuilder().setRoot(create)).build())
                        .forEachRemaining(r -> { });
                assertThat(sluice.table("d.e").count()).isEqualTo(4);
                assertThat(sluice.catalog().catalogTable(List.of("d", "e")).orElseThrow().type()).isEqualTo(dev.sluice.CatalogTable.Type.EXTERNAL);
                sluice.sql("DROP DATABASE d CASCADE");
                assertThat(ext).isDirectory();   // an external table's files stay
            } finally {
                ch.shutdownNow();
            }
        }
    }

    private static List<ExecutePlanResponse> execute(SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub, String session, Command command) {
        List<ExecutePlanResponse> out = new ArrayList<>();
        stub.executePlan(ExecutePlanRequest.newBuilder().setSessionId(session).setPlan(Plan.newBuilder().setCommand(command)).build())
                .forEachRemaining(out::add);
        return out;
    }
}
