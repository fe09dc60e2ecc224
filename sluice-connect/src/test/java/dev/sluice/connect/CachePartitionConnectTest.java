package dev.sluice.connect;

import dev.sluice.Sluice;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.CollectMetrics;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Filter;
import org.apache.spark.connect.proto.Hint;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Range;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.RelationCommon;
import org.apache.spark.connect.proto.RepartitionByExpression;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Persist / Unpersist / GetStorageLevel, RepartitionByExpression, Hint, CollectMetrics and explain modes over the protocol. */
class CachePartitionConnectTest {
    static Sluice sluice;
    static SluiceConnectServer server;
    static ManagedChannel channel;
    static SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub;
    final String session = UUID.randomUUID().toString();

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        server = SluiceConnectServer.start(sluice, 0);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        stub = SparkConnectServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll static void stop() {
        channel.shutdownNow();
        server.close();
        sluice.close();
    }

    private static Relation range(long end, long planId) {
        return Relation.newBuilder().setCommon(RelationCommon.newBuilder().setPlanId(planId))
                .setRange(Range.newBuilder().setEnd(end).setStep(1).setNumPartitions(2)).build();
    }

    private static Expression attr(String name) {
        return Expression.newBuilder().setUnresolvedAttribute(Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(name)).build();
    }

    private static Expression call(String fn, Expression... args) {
        var f = Expression.UnresolvedFunction.newBuilder().setFunctionName(fn);
        for (Expression a : args) f.addArguments(a);
        return Expression.newBuilder().setUnresolvedFunction(f).build();
    }

    private static Expression lit(long v) { return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setLong(v)).build(); }

    private static Expression litInt(int v) { return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setInteger(v)).build(); }

    private String explain(Relation r, AnalyzePlanRequest.Explain.ExplainMode mode) {
        return stub.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(session).setExplain(AnalyzePlanRequest.Explain.newBuilder()
                .setPlan(Plan.newBuilder().setRoot(r)).setExplainMode(mode)).build()).getExplain().getExplainString();
    }

    private StorageLevel level(Relation r) {
        return stub.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(session)
                .setGetStorageLevel(AnalyzePlanRequest.GetStorageLevel.newBuilder().setRelation(r)).build()).getGetStorageLevel().getStorageLevel();
    }

    private List<ExecutePlanResponse> execute(Relation r) {
        List<ExecutePlanResponse> out = new ArrayList<>();
        stub.executePlan(ExecutePlanRequest.newBuilder().setSessionId(session).setPlan(Plan.newBuilder().setRoot(r)).build()).forEachRemaining(out::add);
        return out;
    }

    private static long rows(List<ExecutePlanResponse> responses) {
        return responses.stream().filter(ExecutePlanResponse::hasArrowBatch).mapToLong(x -> x.getArrowBatch().getRowCount()).sum();
    }

    @Test void persistCachesTheRelationForLaterPlans() {
        Relation base = range(100, 1);
        StorageLevel diskOnly = StorageLevel.newBuilder().setUseDisk(true).setReplication(1).build();
        assertThat(level(base).getUseDisk()).isFalse();
        stub.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(session).setPersist(AnalyzePlanRequest.Persist.newBuilder()
                .setRelation(base).setStorageLevel(diskOnly)).build());
        assertThat(level(base)).isEqualTo(diskOnly);

        Relation filtered = Relation.newBuilder().setCommon(RelationCommon.newBuilder().setPlanId(2))
                .setFilter(Filter.newBuilder().setInput(base).setCondition(call("<", attr("id"), lit(10)))).build();
        assertThat(rows(execute(filtered))).isEqualTo(10);
        assertThat(explain(filtered, AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_SIMPLE))
                .contains("InMemoryTableScan [id], StorageLevel(disk, 1 replicas), cached");

        stub.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(session).setUnpersist(AnalyzePlanRequest.Unpersist.newBuilder()
                .setRelation(base)).build());
        assertThat(level(base).getUseDisk()).isFalse();
        assertThat(explain(filtered, AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_SIMPLE)).doesNotContain("InMemory");
    }

    @Test void repartitionByExpressionIsHashOrRangeNotItsInput() {
        Relation hash = Relation.newBuilder().setRepartitionByExpression(RepartitionByExpression.newBuilder().setInput(range(20, 3))
                .addPartitionExprs(attr("id")).setNumPartitions(3)).build();
        assertThat(explain(hash, AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_SIMPLE)).contains("Exchange hashpartitioning([id], 3)");
        assertThat(rows(execute(hash))).isEqualTo(20);

        Expression asc = Expression.newBuilder().setSortOrder(Expression.SortOrder.newBuilder().setChild(attr("id"))
                .setDirection(Expression.SortOrder.SortDirection.SORT_DIRECTION_ASCENDING)
                .setNullOrdering(Expression.SortOrder.NullOrdering.SORT_NULLS_FIRST)).build();
        Relation range = Relation.newBuilder().setRepartitionByExpression(RepartitionByExpression.newBuilder().setInput(range(20, 4))
                .addPartitionExprs(asc).setNumPartitions(2)).build();
        assertThat(explain(range, AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_EXTENDED)).contains("RepartitionByRange [id ASC NULLS FIRST], 2");
    }

    @Test void hintsRepartitionAndUnknownOnesAreIgnored() {
        Relation hinted = Relation.newBuilder().setHint(Hint.newBuilder().setInput(range(10, 5)).setName("REPARTITION").addParameters(litInt(2))).build();
        assertThat(explain(hinted, AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_SIMPLE)).contains("roundrobin(2)");
        Relation unknown = Relation.newBuilder().setHint(Hint.newBuilder().setInput(range(10, 6)).setName("whatever")).build();
        assertThat(rows(execute(unknown))).isEqualTo(10);
    }

    @Test void collectMetricsSendsObservedMetricsAfterTheRows() {
        Expression n = Expression.newBuilder().setAlias(Expression.Alias.newBuilder().setExpr(call("count", lit(1))).addName("n")).build();
        Expression top = Expression.newBuilder().setAlias(Expression.Alias.newBuilder().setExpr(call("max", attr("id"))).addName("top")).build();
        Relation observed = Relation.newBuilder().setCollectMetrics(CollectMetrics.newBuilder().setInput(range(30, 7)).setName("my_metrics")
                .addMetrics(n).addMetrics(top)).build();
        List<ExecutePlanResponse> responses = execute(observed);
        assertThat(rows(responses)).isEqualTo(30);
        ExecutePlanResponse.ObservedMetrics m = responses.stream().filter(r -> r.getObservedMetricsCount() > 0).findFirst()
                .orElseThrow().getObservedMetrics(0);
        assertThat(m.getName()).isEqualTo("my_metrics");
        assertThat(m.getKeysList()).containsExactly("n", "top");
        assertThat(m.getValues(0).getLong()).isEqualTo(30L);
        assertThat(m.getValues(1).getLong()).isEqualTo(29L);
    }

    @Test void explainModesFormattedAndCost() {
        assertThat(explain(range(10, 8), AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_FORMATTED)).startsWith("== Physical Plan ==\nScanExec (1)");
        assertThat(explain(range(10, 9), AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_COST)).contains("Statistics(sizeInBytes=80.0 B, rowCount=10)");
    }

    private boolean isCached(String table) {
        Relation r = Relation.newBuilder().setCatalog(org.apache.spark.connect.proto.Catalog.newBuilder()
                .setIsCached(org.apache.spark.connect.proto.IsCached.newBuilder().setTableName(table))).build();
        byte[] data = execute(r).stream().filter(ExecutePlanResponse::hasArrowBatch).findFirst().orElseThrow().getArrowBatch().getData().toByteArray();
        try (var allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            return (Boolean) ArrowRows.decode(allocator, data, null).rows().get(0).get(0);
        }
    }

    @Test void catalogCacheTableUncacheTableAndSqlCache() {
        execute(Relation.newBuilder().setSql(org.apache.spark.connect.proto.SQL.newBuilder().setQuery("CACHE LAZY TABLE cview AS SELECT 1 AS one")).build());
        assertThat(isCached("cview")).isTrue();
        execute(Relation.newBuilder().setCatalog(org.apache.spark.connect.proto.Catalog.newBuilder()
                .setUncacheTable(org.apache.spark.connect.proto.UncacheTable.newBuilder().setTableName("cview"))).build());
        assertThat(isCached("cview")).isFalse();
        execute(Relation.newBuilder().setCatalog(org.apache.spark.connect.proto.Catalog.newBuilder()
                .setCacheTable(org.apache.spark.connect.proto.CacheTable.newBuilder().setTableName("cview"))).build());
        assertThat(isCached("cview")).isTrue();
        execute(Relation.newBuilder().setCatalog(org.apache.spark.connect.proto.Catalog.newBuilder()
                .setClearCache(org.apache.spark.connect.proto.ClearCache.getDefaultInstance())).build());
        assertThat(isCached("cview")).isFalse();
    }
}
