package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** enforceSchema=false was accepted and ignored: a reordered header swapped columns without a word. */
class CsvEnforceSchemaTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).maxSplitBytes(1024).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test void aReorderedHeaderFailsWithEnforceSchemaFalse() throws IOException {
        Path p = csv("swapped.csv", "amount,name,id\n10.5,ann,1\n7.25,bob,2\n");
        assertThatThrownBy(() -> sluice.read().schema("id INT, name STRING, amount DOUBLE").option("header", "true")
                .option("enforceSchema", "false").csv(p.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CSV_HEADER_MISMATCH);
                    assertThat(e.fact("path")).endsWith("swapped.csv");
                    assertThat(e.fact("reason")).contains("expected `id` but found `amount`");
                });
    }

    @Test void aHeaderOfAnotherLengthFails() throws IOException {
        Path p = csv("short.csv", "id,name\n1,ann\n");
        assertThatThrownBy(() -> sluice.read().schema("id INT, name STRING, amount DOUBLE").option("header", "true")
                .option("enforceSchema", "false").csv(p.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CSV_HEADER_MISMATCH));
    }

    @Test void aMatchingHeaderIgnoringCaseReadsEveryFileAndSplit() throws IOException {
        Path d = Files.createDirectories(dir.resolve("ok"));
        Files.writeString(d.resolve("a.csv"), "ID,Name,amount\n1,ann,10.5\n2,bob,7.25\n3,cy,1.0\n");
        Files.writeString(d.resolve("b.csv"), "id,name,AMOUNT\n4,dan,2.0\n");
        List<Row> rows = sluice.read().schema("id INT, name STRING, amount DOUBLE, _corrupt_record STRING")
                .option("header", "true").option("enforceSchema", "false").csv(d.toString()).collect();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get(1)).isEqualTo("ann");
    }

    @Test void theDefaultStillReadsByPositionAsSpark() throws IOException {
        Path p = csv("bypos.csv", "amount,name,id\n1,ann,2\n");
        List<Row> rows = sluice.read().schema("id INT, name STRING, amount INT").option("header", "true").csv(p.toString()).collect();
        assertThat(rows.get(0).get(0)).isEqualTo(1);
    }
}
