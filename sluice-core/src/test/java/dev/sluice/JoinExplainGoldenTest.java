package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.ExplainGoldenTest.assertGolden;
import static dev.sluice.functions.broadcast;
import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden explain text of joins and set operations (regenerate with -Dsluice.golden.update=true). */
class JoinExplainGoldenTest {
    @TempDir static Path dir;
    static Sluice small;
    static Sluice noBroadcast;

    @BeforeAll static void open() {
        small = Sluice.builder().parallelism(2).shufflePartitions(4).build();
        noBroadcast = Sluice.builder().parallelism(2).shufflePartitions(4).broadcastThreshold(0).build();
    }

    @AfterAll static void close() {
        small.close();
        noBroadcast.close();
    }

    @Test void filtersMoveBelowTheJoinAndColumnsArePruned() throws IOException {
        Path users = dir.resolve("users.jsonl");
        Path orders = dir.resolve("orders.jsonl");
        Files.write(users, List.of("{\"id\":1,\"name\":\"a\",\"country\":\"FR\",\"bio\":\"x\"}"));
        Files.write(orders, List.of("{\"id\":7,\"user_id\":1,\"amount\":2.5,\"note\":\"n\"}"));
        DataFrame u = noBroadcast.read().schema("id BIGINT, name STRING, country STRING, bio STRING").json(users.toString());
        DataFrame o = noBroadcast.read().schema("id BIGINT, user_id BIGINT, amount DOUBLE, note STRING").json(orders.toString());
        DataFrame q = u.join(o, u.col("id").equalTo(o.col("user_id")))
                .filter(col("country").equalTo("FR").and(col("amount").gt(1)))
                .select(u.col("name"), o.col("id"), col("amount"));
        assertGolden("join_pushdown_pruning", q.explainString("extended"));
        assertThat(q.collect()).hasSize(1);
    }

    @Test void smallSidesAreBroadcastAndHintsWin() throws IOException {
        DataFrame a = JoinSparkCasesTest.df1(small);
        DataFrame b = JoinSparkCasesTest.df2(small);
        DataFrame big = JoinSparkCasesTest.df2(noBroadcast);
        DataFrame c = JoinSparkCasesTest.df1(noBroadcast);
        String text = a.join(b, a.col("id").equalTo(b.col("id")), "left").explainString("simple")
                + c.join(broadcast(big), List.of("id"), "inner").explainString("extended");
        assertGolden("join_broadcast", text);
    }

    @Test void outerJoinsWithoutBroadcastAreShuffled() throws IOException {
        DataFrame a = JoinSparkCasesTest.df1(small);
        DataFrame b = JoinSparkCasesTest.df2(small);
        String text = a.join(b, List.of("id"), "full").explainString("extended")
                + a.join(b, a.col("v").lt(b.col("w")), "full").explainString("simple")
                + a.crossJoin(b).explainString("simple");
        assertGolden("join_shuffled_and_nested_loop", text);
    }

    @Test void selfJoinThroughAliases() throws IOException {
        DataFrame a = JoinSparkCasesTest.df1(noBroadcast);
        DataFrame q = a.alias("x").join(a.alias("y"), col("x.id").equalTo(col("y.id")), "semi");
        assertGolden("join_self_alias", q.explainString("extended"));
    }

    @Test void setOperations() throws IOException {
        StructType s = StructType.fromDDL("a INT, b STRING");
        DataFrame x = small.createDataFrame(List.of(Row.of(s, 1, "a")), s);
        DataFrame y = JoinSparkCasesTest.df2(small);
        assertGolden("set_operations", x.intersect(y).explainString("extended") + x.exceptAll(y).explainString("simple"));
    }
}
