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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Huge lines, deep nesting, wide records, many files: they work, or fail with a coded error naming the limit. */
class LimitsTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    @Test void a25MegabyteJsonLineIsRead() throws IOException {
        Path p = dir.resolve("huge.jsonl");
        String big = "x".repeat(25 * 1024 * 1024);
        Files.writeString(p, "{\"id\":1,\"blob\":\"" + big + "\"}\n{\"id\":2,\"blob\":\"small\"}\n");
        List<Row> rows = sluice.read().schema("id INT, blob STRING, _corrupt_record STRING").json(p.toString()).collect();
        assertThat(rows).hasSize(2);
        assertThat(((String) rows.get(0).get(1)).length()).isEqualTo(big.length());
        assertThat(rows.get(0).get(2)).isNull();
        assertThat(sluice.read().json(p.toString()).schema().fieldNames()).containsExactly("blob", "id");
    }

    static String nested(int depth) {
        StringBuilder sb = new StringBuilder("{\"id\":1,\"deep\":");
        for (int i = 0; i < depth; i++) sb.append("{\"a\":");
        sb.append("1");
        for (int i = 0; i < depth; i++) sb.append('}');
        return sb.append("}").toString();
    }

    @Test void jsonNested5000LevelsDeepIsReadWhenTheSchemaSkipsIt() throws IOException {
        Path p = dir.resolve("deep.jsonl");
        Files.writeString(p, nested(5_000) + "\n{\"id\":2}\n");
        List<Row> rows = sluice.read().schema("id INT, _corrupt_record STRING").json(p.toString()).collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(1, 2);
        assertThat(rows.get(0).get(1)).isNull();
        // schema inference walks the whole depth (on a thread with a large stack)
        var inferred = sluice.read().json(p.toString());
        assertThat(inferred.schema().fieldNames()).containsExactly("deep", "id");
        assertThat(inferred.select(dev.sluice.functions.col("id")).count()).isEqualTo(2);
    }

    @Test void jsonNestedDeeperThanTheLimitIsACodedErrorNamingIt() throws IOException {
        Path p = dir.resolve("deeper.jsonl");
        Files.writeString(p, nested(20_000) + "\n");
        // not a corrupt record (it is not malformed) in any mode: the error names the limit and the option raising it
        assertThatThrownBy(() -> sluice.read().schema("id INT, _corrupt_record STRING").json(p.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.fact("what")).endsWith("deeper.jsonl:1");
                    assertThat(e.fact("limit")).contains("maxNestingDepth");
                });
        assertThat(sluice.read().schema("id INT").option("maxNestingDepth", "30000").json(p.toString()).count()).isEqualTo(1);
        assertThatThrownBy(() -> sluice.read().schema("id INT").option("maxNestingDepth", "-1").json(p.toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void tenThousandColumnsAreReadAndWritten() throws IOException {
        int n = 10_000;
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : ",").append("c").append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        Path p = dir.resolve("wide.csv");
        Files.writeString(p, header + "\n" + row + "\n" + row + "\n");
        var df = sluice.read().option("header", "true").option("inferSchema", "true").csv(p.toString());
        assertThat(df.schema().size()).isEqualTo(n);
        List<Row> rows = df.collect();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(n - 1)).isEqualTo(n - 1);
        Path out = dir.resolve("wide-out");
        df.write().json(out.toString());
        assertThat(sluice.read().json(out.toString()).schema().size()).isEqualTo(n);
    }

    @Test void manyTinyFilesAreRead() throws IOException {
        Path d = Files.createDirectories(dir.resolve("tiny"));
        for (int i = 0; i < 3_000; i++) Files.writeString(d.resolve(String.format("f%05d.json", i)), "{\"i\":" + i + "}\n");
        assertThat(sluice.read().schema("i INT").json(d.toString()).count()).isEqualTo(3_000);
    }
}
