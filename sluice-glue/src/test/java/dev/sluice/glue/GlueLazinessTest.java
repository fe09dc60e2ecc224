package dev.sluice.glue;

import dev.sluice.Sluice;
import dev.sluice.io.CountingStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building Glue sources and every transform opens no file; the documented passes happen only at actions. */
class GlueLazinessTest {
    @TempDir Path dir;

    @Test void buildingAGlueJobReadsNothing() throws Exception {
        for (int i = 0; i < 3; i++) Files.write(dir.resolve("in" + i + ".json"), List.of("{\"id\": " + i + ", \"a\": {\"b\": [1, 2]}, \"s\": \"{\\\"x\\\": 1}\"}"));
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().storage(storage).build()) {
            GlueContext glue = GlueContext.builder(sluice).bookmarks(dir.resolve("bm")).build();
            DynamicFrame f = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.toString())), "json", Map.of(), "src");
            DynamicFrame other = glue.getSourceWithFormat("s3", Map.of("paths", List.of(dir.toString())), "json", Map.of(), "src2").getDynamicFrame();
            DynamicFrame all = f.applyMapping(List.of(Mapping.of("id", "int", "id", "long"), Mapping.of("a", "a"), Mapping.of("s", "s")))
                    .resolveChoice("cast:string").dropFields("a.b").renameField("s", "t").unbox("t", "json")
                    .map(r -> r).filter(r -> true).unnest().dropNullFields().selectFields("id")
                    .union(other.selectFields("id")).join(List.of("id"), List.of("id"), other)
                    .mergeDynamicFrame(other, List.of("id")).spigot(dir.resolve("spigot").toString())
                    .coalesce(1);
            Path xmlFile = Files.createDirectories(dir.resolve("xmlin")).resolve("x.xml");
            Files.writeString(xmlFile, "<rows><r><id>1</id></r></rows>");
            DynamicFrame xml = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(xmlFile.toString())),
                    "xml", Map.of("rowTag", "r"), "xml_src").selectFields("id");
            // a bookmarked JDBC source whose driver is absent: defining it and its transforms connects to nothing
            new dev.sluice.glue.job.Job(glue).init("lazy", Map.of("job_bookmark_option", "job-bookmark-enable"));
            DynamicFrame jdbc = glue.createDynamicFrame().fromOptions("postgresql", Map.of("url", "jdbc:postgresql://nowhere/db",
                    "dbtable", "t", "jobBookmarkKeys", "[\"id\"]"), null, Map.of(), "jdbc_src").selectFields("id");
            all = all.union(xml).union(jdbc.filter(r -> true));
            DynamicFrameCollection c = all.relationalize("root", dir.resolve("staging").toString());
            DynamicFrame root = c.select("root");
            DynamicFrame errors = root.errorsAsDynamicFrame();
            assertThat(errors.name()).isNotNull();
            assertThat(storage.untouched()).isTrue();
            assertThat(storage.bytesRead()).isZero();

            assertThatThrownBy(root::count).isInstanceOfSatisfying(dev.sluice.error.SluiceException.class,   // computing it connects
                    e -> assertThat(e.code()).isEqualTo(dev.sluice.error.ErrorCode.GLUE_CONNECTION_ERROR));
            assertThat(f.count()).isEqualTo(3);   // the action reads now
            assertThat(storage.bytesRead()).isPositive();
            assertThat(storage.openStreams()).isZero();
        }
    }
}
