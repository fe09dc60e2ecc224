package dev.sluice.glue;

import dev.sluice.Sluice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Glue layer under a small memory budget: records stream through reader, transforms and errors in batches. */
class SmallMemoryTest {
    @TempDir Path dir;

    @Test void aGlueJobRunsUnderASmallBudget() throws Exception {
        int n = 20_000;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("big.json"))) {
            for (int i = 0; i < n; i++) {
                if (i % 1000 == 7) w.write("{broken " + i + "\n");
                else w.write("{\"id\": " + i + ", \"v\": " + (i % 3 == 0 ? "\"s" + i + "\"" : String.valueOf(i)) + ", \"pad\": \"" + "x".repeat(40) + "\"}\n");
            }
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(8L << 20).batchSize(1024).build()) {
            GlueContext glue = GlueContext.builder(sluice).bookmarks(dir.resolve("bm")).build();
            DynamicFrame f = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.resolve("big.json").toString())), "json")
                    .resolveChoice(List.of(ResolveChoiceSpec.of("v", "cast:long")))
                    .map(r -> r.put("w", ((Long) r.get("v")) % 10))
                    .filter(r -> (Long) r.get("w") != 5)
                    .applyMapping(List.of(Mapping.of("id", "int", "id", "long"), Mapping.of("w", "long", "out.w", "long")));
            long errors = n / 1000;   // the broken lines; the cast nulls "s.." values and map then fails on them
            assertThat(f.count() + f.errorsCount()).isLessThanOrEqualTo(n);
            assertThat(f.errorsCount()).isGreaterThan(errors);
            glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", dir.resolve("out").toString()), "json");
            long written;
            try (var files = Files.walk(dir.resolve("out"))) {
                written = files.filter(p -> !Files.isDirectory(p) && !p.getFileName().toString().startsWith("_")
                        && !p.getFileName().toString().startsWith(".")).mapToLong(p -> {
                            try (var lines = Files.lines(p)) {
                                return lines.count();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).sum();
            }
            assertThat(written).isEqualTo(f.count());
        }
    }

    @Test void relationalizeJoinUnionAndXmlRunUnderASmallBudget() throws Exception {
        int n = 10_000;
        try (BufferedWriter json = Files.newBufferedWriter(dir.resolve("nested.json"));
             BufferedWriter xml = Files.newBufferedWriter(dir.resolve("rows.xml"))) {
            xml.write("<rows>\n");
            for (int i = 0; i < n; i++) {
                json.write("{\"id\": " + i + ", \"tags\": [\"a" + i + "\", \"b\"], \"who\": {\"name\": \"n" + i + "\"}}\n");
                xml.write("<row><id>" + (n + i) + "</id><pad>" + "x".repeat(40) + "</pad></row>\n");
            }
            xml.write("</rows>\n");
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(8L << 20).batchSize(1024).build()) {
            GlueContext glue = GlueContext.builder(sluice).bookmarks(dir.resolve("bm")).build();
            DynamicFrame nested = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.resolve("nested.json").toString())), "json");
            DynamicFrameCollection tables = nested.relationalize("root", dir.resolve("staging").toString());
            DynamicFrame root = tables.select("root");
            DynamicFrame tags = tables.select("root_tags");
            assertThat(tags.count()).isEqualTo(2L * n);
            assertThat(root.join(List.of("tags"), List.of("id"), tags).count()).isEqualTo(2L * n);
            DynamicFrame rows = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.resolve("rows.xml").toString())), "xml",
                    Map.of("rowTag", "row"), "");
            assertThat(rows.selectFields("id").union(root.selectFields("id")).count()).isEqualTo(2L * n);
            assertThat(rows.errorsCount() + root.errorsCount()).isZero();
        }
    }
}
