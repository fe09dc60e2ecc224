package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed job's shape end to end over small JSON Lines files. */
class JsonJobTest {
    static final String INPUT = "ts STRING, status INT, response_body STRING";
    static final String CONTENT = "struct<user:struct<id:bigint,country:string>,items:array<struct<sku:string,qty:int>>,error:struct<code:string>>";

    @TempDir static Path dir;
    static Sluice sluice;
    static Path logs;

    @BeforeAll static void setUp() throws IOException {
        sluice = Sluice.builder().parallelism(2).maxSplitBytes(1024).build();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String error = i % 5 == 0 ? "{\\\"code\\\":\\\"E" + i + "\\\"}" : "null";
            String body = "{\\\"user\\\":{\\\"id\\\":" + i + ",\\\"country\\\":\\\"C" + (i % 3) + "\\\"},\\\"items\\\":["
                    + "{\\\"sku\\\":\\\"S\\\",\\\"qty\\\":1}".repeat(1) + "],\\\"error\\\":" + error + "}";
            lines.add("{\"ts\":\"t" + i + "\",\"status\":" + (i % 5 == 0 ? 500 : 200) + ",\"response_body\":\"" + body + "\"}");
        }
        logs = dir.resolve("logs.jsonl");
        Files.write(logs, lines);
    }

    @AfterAll static void tearDown() { sluice.close(); }

    private static DataFrame parsed(Sluice s, String path) {
        return s.read().schema(INPUT).json(path).withColumn("content", from_json(col("response_body"), CONTENT));
    }

    @Test void countsFailuresAcrossManySplits() {
        assertThat(parsed(sluice, logs.toString()).filter(col("content.error").isNotNull()).count()).isEqualTo(40);
        assertThat(parsed(sluice, logs.toString()).count()).isEqualTo(200);
    }

    @Test void selectsNestedFieldsInFileOrder() {
        List<Row> rows = parsed(sluice, logs.toString())
                .select(col("ts"), col("content.user.country").alias("country"), size(col("content.items")).alias("n"))
                .collect();
        assertThat(rows).hasSize(200);
        assertThat(rows.get(7).values()).containsExactly("t7", "C1", 1);
        assertThat(rows).extracting(r -> r.get(0)).startsWith("t0", "t1", "t2").endsWith("t199");
    }

    @Test void writesAndReadsBack(@TempDir Path out) {
        String target = out.resolve("countries").toString();
        WriteResult result = parsed(sluice, logs.toString())
                .select(col("ts"), col("content.user.country").alias("country"))
                .write().mode("overwrite").json(target);
        assertThat(result.rows()).isEqualTo(200);
        assertThat(Files.exists(Path.of(target, "_SUCCESS"))).isTrue();
        List<Row> back = sluice.read().schema("ts STRING, country STRING").json(target).collect();
        assertThat(back).hasSize(200);
        assertThat(back.get(3).values()).containsExactly("t3", "C0");
    }

    @Test void errorModeRefusesAnExistingTarget(@TempDir Path out) {
        DataFrame df = parsed(sluice, logs.toString()).select(col("ts"));
        df.write().json(out.resolve("x").toString());
        assertThatThrownBy(() -> df.write().json(out.resolve("x").toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(df.write().mode("ignore").json(out.resolve("x").toString()).skipped()).isTrue();
    }

    @Test void readsGzipInput(@TempDir Path out) throws IOException {
        Path gz = out.resolve("logs.jsonl.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(Files.readAllBytes(logs));
        }
        assertThat(parsed(sluice, gz.toString()).filter(col("content.error").isNotNull()).count()).isEqualTo(40);
    }

    @Test void failFastNamesTheFileAndLine(@TempDir Path out) throws IOException {
        Path bad = out.resolve("bad.jsonl");
        Files.writeString(bad, "{\"ts\":\"a\",\"status\":1}\n{\"ts\":\"b\",\"status\":\"oops\"}\n");
        DataFrame df = sluice.read().schema(INPUT).option("mode", "FAILFAST").json(bad.toString());
        assertThatThrownBy(df::collect).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
            assertThat(e.fact("location")).endsWith("bad.jsonl:2");
        });
    }

    @Test void permissiveKeepsTheCorruptRecordAndDropMalformedCountsConsistently(@TempDir Path out) throws IOException {
        Path bad = out.resolve("mixed.jsonl");
        Files.writeString(bad, "{\"ts\":\"a\",\"status\":1}\n{bad\n\n{\"ts\":\"c\",\"status\":\"x\"}\n");
        List<Row> rows = sluice.read().schema("ts STRING, status INT, _corrupt_record STRING").json(bad.toString()).collect();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).values()).containsExactly(null, null, "{bad");
        assertThat(rows.get(2).values()).containsExactly("c", null, "{\"ts\":\"c\",\"status\":\"x\"}");
        DataFrame dropping = sluice.read().schema("ts STRING, status INT").option("mode", "DROPMALFORMED").json(bad.toString());
        assertThat(dropping.count()).isEqualTo(dropping.collect().size()).isEqualTo(1);
        assertThat(dropping.select(col("ts")).collect()).hasSize(1);
    }

    @Test void missingPathFailsAtTheActionNamingIt() {
        DataFrame df = sluice.read().schema(INPUT).json(dir.resolve("nope").toString());
        assertThatThrownBy(df::count).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
            assertThat(e.getMessage()).contains("nope");
        });
    }

    @Test void infersASchemaFromASample(@TempDir Path out) throws IOException {
        Path f = out.resolve("infer.jsonl");
        Files.writeString(f, "{\"b\":1,\"a\":\"x\"}\n{\"b\":2.5,\"c\":[1]}\n");
        DataFrame df = sluice.read().json(f.toString());
        assertThat(df.schema().simpleString()).isEqualTo("struct<a:string,b:double,c:array<bigint>>");
        assertThat(df.collect().get(1).values()).containsExactly(null, 2.5, List.of(1L));
    }

    @Test void theSameResultsForAnyParallelismAndSplitSize() {
        List<Row> reference = null;
        // the input (~60 KB) is over four splits of 1 KiB and 4 KiB: its end is cut into shrinking pieces
        for (int p : new int[] {1, 3, 7}) {
            for (long split : new long[] {1024, 4096, 1 << 20}) {
                try (Sluice s = Sluice.builder().parallelism(p).maxSplitBytes(split).build()) {
                    List<Row> rows = parsed(s, logs.toString()).select(col("ts"), col("content.error.code")).collect();
                    if (reference == null) reference = rows;
                    assertThat(rows).isEqualTo(reference);
                }
            }
        }
    }

    @Test void aWriteMakesTheSameFilesWithTheSameRowsAtParallelism1And7(@TempDir Path out) throws IOException {
        List<List<String>> reference = null;
        for (int p : new int[] {1, 7}) {
            try (Sluice s = Sluice.builder().parallelism(p).maxSplitBytes(4096).build()) {
                Path target = out.resolve("p" + p);
                parsed(s, logs.toString()).select(col("ts"), col("content.error.code").alias("code")).write().json(target.toString());
                List<List<String>> files = new ArrayList<>();
                try (var listed = Files.list(target)) {
                    for (Path f : listed.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                        files.add(Files.readAllLines(f));
                    }
                }
                // 4 KiB splits of the ~60 KB input: whole splits, then 2, 1, 0.5 and 0.5 KiB at its end, a file each
                assertThat(files).hasSize((int) new dev.sluice.io.FileSplitter(4096)
                        .split(List.of(dev.sluice.io.LocalStorage.INSTANCE.status(logs.toString()))).size());
                if (reference == null) reference = files;
                assertThat(files).isEqualTo(reference);
            }
        }
        List<String> all = new ArrayList<>();
        for (List<String> f : reference) all.addAll(f);
        assertThat(all).hasSize(200).first().asString().contains("\"ts\":\"t0\"");
        assertThat(all.get(199)).contains("\"ts\":\"t199\"");
    }

    @Test void failedWriteLeavesTheTargetAsItWas(@TempDir Path out) throws IOException {
        String target = out.resolve("t").toString();
        parsed(sluice, logs.toString()).select(col("ts")).write().json(target);
        List<String> before = listing(Path.of(target));
        // status / 0 fails in some task, after other tasks may have written their files
        DataFrame failing = parsed(sluice, logs.toString()).select(col("ts"), col("status").mod(col("status").minus(500)));
        assertThatThrownBy(() -> failing.write().mode("overwrite").json(target))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
        assertThat(listing(Path.of(target))).isEqualTo(before);
        assertThat(listing(out)).containsExactly("t");   // no staging left behind
    }

    @Test void readsEachFileOnceForACount(@TempDir Path out) throws IOException {
        for (int i = 0; i < 10; i++) Files.copy(logs, out.resolve("part-" + i + ".jsonl"));
        CountingStorage storage = CountingStorage.local();
        try (Sluice s = Sluice.builder().storage(storage).parallelism(2).build()) {
            assertThat(parsed(s, out.toString()).filter(col("content.error").isNotNull()).count()).isEqualTo(400);
        }
        assertThat(storage.opensByPath()).hasSize(10);
        assertThat(storage.opensByPath().values()).allMatch(n -> n == 1);
        assertThat(storage.openStreams()).isZero();
    }

    private static List<String> listing(Path p) throws IOException {
        try (var s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }


}
