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

/** multiLine=true was ignored: a pretty-printed file became corrupt records. Now each file is one JSON value, as Spark. */
class JsonMultiLineTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test void aPrettyPrintedObjectIsOneRow() throws IOException {
        Path p = file("one/pretty.json", "{\n  \"id\": 1,\n  \"name\": \"ann\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ]\n}\n");
        List<Row> rows = sluice.read().option("multiLine", "true").json(p.toString()).collect();
        assertThat(rows).hasSize(1);
        assertThat(sluice.read().option("multiLine", "true").json(p.toString()).schema().fieldNames())
                .containsExactly("id", "name", "tags");
        assertThat(rows.get(0).get(0)).isEqualTo(1L);
    }

    @Test void aTopLevelArrayIsOneRowPerElementInBatches() throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < 10_000; i++) sb.append(i == 0 ? "" : ",\n").append("  {\"id\": ").append(i).append("}");
        Path p = file("array/records.json", sb.append("\n]\n").toString());
        assertThat(sluice.read().schema("id INT").option("multiLine", "true").json(p.toString()).count()).isEqualTo(10_000);
        assertThat(sluice.read().option("multiLine", "true").json(dir.resolve("array").toString())
                .filter(dev.sluice.functions.col("id").geq(9_998)).count()).isEqualTo(2);
    }

    @Test void aFileThatDoesNotParseIsOneCorruptRecordOrFailsNamingTheFile() throws IOException {
        Path bad = file("bad/broken.json", "{\n  \"id\": 1,\n  \"name\": \n}\n");
        List<Row> rows = sluice.read().schema("id INT, _corrupt_record STRING").option("multiLine", "true")
                .json(bad.toString()).collect();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(1)).isEqualTo(Files.readString(bad));
        assertThatThrownBy(() -> sluice.read().schema("id INT").option("multiLine", "true").option("mode", "FAILFAST")
                .json(bad.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(e.fact("location")).endsWith("broken.json");
                });
        assertThat(sluice.read().schema("id INT").option("multiLine", "true").option("mode", "DROPMALFORMED")
                .json(bad.toString()).count()).isZero();
    }

    @Test void gzippedMultiLineFilesAreRead() throws IOException {
        Path p = dir.resolve("gz/a.json.gz");
        Files.createDirectories(p.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("[{\"id\":1},\n{\"id\":2}]".getBytes());
        }
        assertThat(sluice.read().schema("id INT").option("multiLine", "true").json(p.toString()).count()).isEqualTo(2);
    }
}
