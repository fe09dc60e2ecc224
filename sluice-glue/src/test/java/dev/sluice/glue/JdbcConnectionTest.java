package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JDBC connection types through plain JDBC, against an embedded H2 database; a missing driver is refused. */
class JdbcConnectionTest extends GlueTestBase {
    private static int databases;

    private String database() throws Exception {
        String url = "jdbc:h2:mem:glue" + (databases++) + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id INT, name VARCHAR(40), score DECIMAL(5,2), born DATE, big BIGINT)");
            s.execute("INSERT INTO people VALUES (1, 'Ada', 12.50, DATE '1815-12-10', 10000000000), (2, 'Grace', NULL, DATE '1906-12-09', 2),"
                    + " (3, NULL, 3.25, NULL, NULL)");
        }
        return url;
    }

    @Test void readsATableLazilyWithItsTypes() throws Exception {
        String url = database();
        DynamicFrame f = glue.createDynamicFrame().fromOptions("custom.jdbc", Map.of("url", url, "dbtable", "people"), null);
        assertThat(f.schemaString()).isEqualTo(
                "root\n|-- ID: int\n|-- NAME: string\n|-- SCORE: decimal\n|-- BORN: date\n|-- BIG: long\n");
        assertThat(jsonOf(f)).containsExactly(
                "{\"ID\":1,\"NAME\":\"Ada\",\"SCORE\":12.50,\"BORN\":\"1815-12-10\",\"BIG\":10000000000}",
                "{\"ID\":2,\"NAME\":\"Grace\",\"BORN\":\"1906-12-09\",\"BIG\":2}",
                "{\"ID\":3,\"SCORE\":3.25}");
    }

    @Test void hashPartitionedReadsSplitTheTable() throws Exception {
        String url = database();
        DynamicFrame f = glue.createDynamicFrame().fromOptions("custom.jdbc",
                Map.of("url", url, "dbtable", "people", "hashexpression", "ID", "hashpartitions", "3"), null);
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.toDF().explainString("extended")).contains("splits=3");
    }

    @Test void writesIntoANewTableAndAppendsToAnExistingOne() throws Exception {
        String url = database();
        DynamicFrame people = glue.createDynamicFrame().fromOptions("custom.jdbc", Map.of("url", url, "dbtable", "people"), null)
                .selectFields("ID", "NAME");
        assertThat(people.write("custom.jdbc", Map.of("url", url, "dbtable", "copy"), null, Map.of()).rows()).isEqualTo(3);
        glue.writeDynamicFrame().fromOptions(people.filter(r -> r.get("NAME") != null), "custom.jdbc", Map.of("url", url, "dbtable", "copy"), null);
        DynamicFrame back = glue.createDynamicFrame().fromOptions("custom.jdbc", Map.of("url", url, "dbtable", "copy"), null);
        assertThat(back.count()).isEqualTo(5);
    }

    @Test void refusesChoicesWhenWriting() throws Exception {
        String url = database();
        DynamicFrame choice = json("{\"a\": 1}", "{\"a\": \"x\"}");
        assertThatThrownBy(() -> choice.write("custom.jdbc", Map.of("url", url, "dbtable", "t2"), null, Map.of()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_CONNECTION_ERROR));
    }

    @Test void aMissingDriverIsRefusedWhenComputedNamingTheDriver() {
        DynamicFrame f = glue.createDynamicFrame().fromOptions("postgresql",
                Map.of("url", "jdbc:postgresql://localhost:5432/db?password=secret", "dbtable", "t", "user", "u"), null);
        assertThatThrownBy(f::count).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GLUE_CONNECTION_ERROR);
            assertThat(e.getMessage()).contains("org.postgresql:postgresql").doesNotContain("secret");
        });
    }

    @Test void refusesOptionsItDoesNotHonour() {
        for (Map<String, ?> o : List.of(Map.of("url", "jdbc:h2:mem:x", "dbtable", "t", "connectionName", "glue-conn"),
                Map.of("url", "jdbc:h2:mem:x", "dbtable", "t"), Map.of("dbtable", "t"))) {
            assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("mysql", o, null))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        }
    }
}
