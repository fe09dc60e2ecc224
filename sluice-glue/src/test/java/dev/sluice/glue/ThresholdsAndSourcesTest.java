package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** toDF() enforces the lineage's thresholds when computed (GLUE.md §2); reader error records name their file. */
class ThresholdsAndSourcesTest extends GlueTestBase {
    private DynamicFrame failingMap(TransformOptions options) {
        return json("{\"id\": 1}", "{\"id\": 2}", "{\"id\": 3}").map(r -> {
            if ((Integer) r.get("id") >= 2) throw new IllegalStateException("no " + r.get("id"));
            return r;
        }, options);
    }

    @Test void toDFFailsWhenComputedOverAThresholdNotWhenDefined() {
        DataFrame df = failingMap(new TransformOptions("map_ctx", "", 1, 0)).toDF();
        assertThatThrownBy(df::count).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GLUE_ERROR_THRESHOLD);
            assertThat(e.getMessage()).contains("map_ctx").contains("stageThreshold 1");
        });
        assertThatThrownBy(() -> df.select("id").collectAsList())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_ERROR_THRESHOLD));
    }

    @Test void toDFWithinTheThresholdCountsEachActionAfresh() {
        DataFrame df = failingMap(new TransformOptions("c", "", 2, 2)).toDF();
        // two errors, threshold 2: every action passes (counts do not add up across actions)
        assertThat(df.count()).isEqualTo(1);
        assertThat(df.count()).isEqualTo(1);
        assertThat(df.collectAsList()).hasSize(1);
        assertThat(failingMap(TransformOptions.DEFAULT).toDF().count()).isEqualTo(1);
    }

    @Test void readerErrorRecordsNameTheirSourceFile() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        Files.write(a, List.of("{\"id\": 1}", "{broken"));
        Files.write(b, List.of("{\"id\": 2}", "[1"));
        for (GlueContext ctx : List.of(glue, GlueContext.builder(sluice).bookmarks(dir.resolve("b2")).build().recordAtATimeJson())) {
            DynamicFrame f = ctx.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(a.toString(), b.toString())), "json");
            assertThat(f.count()).isEqualTo(2);
            List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
            assertThat(errors).extracting(r -> r.getField("error.input") + " @ " + r.getField("error.source"))
                    .containsExactlyInAnyOrder("{broken @ " + a, "[1 @ " + b);
        }
    }

    @Test void csvErrorRecordsNameTheirSourceFile() throws Exception {
        Path a = dir.resolve("a.csv");
        Files.write(a, List.of("x,y", "1,2", "3,4,5"));
        DynamicFrame f = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(a.toString())), "csv",
                Map.of("withHeader", "true"), "");
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.source")).isEqualTo(a.toString());
    }

    @Test void repartitionAddsPartitionsCoalesceCannot() throws Exception {
        String[] lines = new String[40];
        for (int i = 0; i < lines.length; i++) lines[i] = "{\"id\": " + i + "}";
        DynamicFrame one = json(lines).coalesce(1);
        DynamicFrame four = one.repartition(4);
        assertThat(four.getNumPartitions()).isEqualTo(4);
        assertThat(four.count()).isEqualTo(40);
        assertThat(four.toDF().explainString("extended")).contains("RoundRobinPartitions: 4");
        glue.writeDynamicFrame().fromOptions(four, "file", Map.of("path", dir.resolve("out").toString()), "json");
        try (var files = Files.list(dir.resolve("out"))) {
            List<Integer> sizes = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .map(p -> { try { return Files.readAllLines(p).size(); } catch (java.io.IOException e) { throw new RuntimeException(e); } })
                    .toList();
            assertThat(sizes).containsExactly(10, 10, 10, 10);
        }
        assertThat(one.coalesce(4).toDF().explainString("extended")).doesNotContain("RoundRobinPartitions");
        assertThatThrownBy(() -> one.repartition(0))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
