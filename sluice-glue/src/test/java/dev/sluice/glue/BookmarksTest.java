package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.job.BookmarkState;
import dev.sluice.glue.job.GlueArgs;
import dev.sluice.glue.job.Job;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Incremental runs over a growing directory, pause/disable, from/to, failures before commit, bounded execution. */
class BookmarksTest extends GlueTestBase {
    Path input() { return dir.resolve("input"); }

    void addFile(String name, long mtime, int... ids) throws Exception {
        Files.createDirectories(input());
        StringBuilder sb = new StringBuilder();
        for (int id : ids) sb.append("{\"id\": ").append(id).append("}\n");
        Path f = input().resolve(name);
        Files.writeString(f, sb);
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    }

    /** One job run: returns the ids read; commits unless told to fail first. */
    List<String> run(String option, boolean commit, String... extra) {
        String[] base = {"--JOB_NAME", "incremental", "--job-bookmark-option", option};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        Map<String, String> resolved = GlueArgs.getResolvedOptions(args, "JOB_NAME");
        GlueContext g = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        Job job = new Job(g).init(resolved.get("JOB_NAME"), resolved);
        DynamicFrame f = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(input().toString())), "json", Map.of(), "source0");
        List<String> ids = jsonOf(f);
        if (commit) job.commit();
        return ids;
    }

    @Test void enabledRunsReadOnlyNewOrChangedFiles() throws Exception {
        addFile("a.json", 1_000, 1, 2);
        assertThat(run("job-bookmark-enable", true)).containsExactly("{\"id\":1}", "{\"id\":2}");
        assertThat(run("job-bookmark-enable", true)).isEmpty();
        addFile("b.json", 2_000, 3);
        assertThat(run("job-bookmark-enable", true)).containsExactly("{\"id\":3}");
        addFile("a.json", 3_000, 1, 2, 9);   // modified: Glue tracks modification times, so it is read again
        assertThat(run("job-bookmark-enable", true)).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":9}");
        BookmarkState s = glue.bookmarkStore().load("incremental");
        assertThat(s.run()).isEqualTo(4);
        assertThat(s.version()).isEqualTo(4);
    }

    @Test void aRunThatFailsBeforeCommitLeavesTheBookmarkUnchanged() throws Exception {
        addFile("a.json", 1_000, 1);
        assertThat(run("job-bookmark-enable", false)).hasSize(1);
        assertThat(run("job-bookmark-enable", true)).hasSize(1);   // read again: the first run never committed
        assertThat(run("job-bookmark-enable", true)).isEmpty();
    }

    @Test void pauseReadsNewDataWithoutSavingAndDisableReadsEverything() throws Exception {
        addFile("a.json", 1_000, 1);
        run("job-bookmark-enable", true);
        addFile("b.json", 2_000, 2);
        assertThat(run("job-bookmark-pause", true)).containsExactly("{\"id\":2}");
        assertThat(run("job-bookmark-pause", true)).containsExactly("{\"id\":2}");
        assertThat(run("job-bookmark-disable", true)).containsExactly("{\"id\":1}", "{\"id\":2}");
        assertThat(run("job-bookmark-enable", true)).containsExactly("{\"id\":2}");
    }

    @Test void fromToReplaysTheRunsBetween() throws Exception {
        addFile("a.json", 1_000, 1);
        run("job-bookmark-enable", true);
        String first = glue.bookmarkStore().load("incremental").runId();
        addFile("b.json", 2_000, 2);
        run("job-bookmark-enable", true);
        addFile("c.json", 3_000, 3);
        run("job-bookmark-enable", true);
        String third = glue.bookmarkStore().load("incremental").runId();
        assertThat(run("job-bookmark-pause", true, "--job-bookmark-from", first, "--job-bookmark-to", third))
                .containsExactly("{\"id\":2}", "{\"id\":3}");
    }

    @Test void boundedFilesTakesTheOldestFilesFirst() throws Exception {
        addFile("c.json", 1_000, 3);
        addFile("a.json", 2_000, 1);
        addFile("b.json", 3_000, 2);
        GlueContext g = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        Map<String, String> args = GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "bounded", "--job-bookmark-option", "job-bookmark-enable"}, "JOB_NAME");
        for (List<String> expected : List.of(List.of("{\"id\":1}", "{\"id\":3}"), List.of("{\"id\":2}"), List.<String>of())) {
            Job job = new Job(g).init("bounded", args);
            DynamicFrame f = g.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of(input().toString()), "boundedFiles", "2"),
                    "json", Map.of(), "src");
            assertThat(jsonOf(f)).isEqualTo(expected);
            job.commit();
        }
    }

    @Test void maxFilesInBandDefersRecentFilesBeyondTheLimit() throws Exception {
        long now = System.currentTimeMillis();
        addFile("a.json", now - 1000, 1);
        addFile("b.json", now - 500, 2);
        GlueContext g = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        Map<String, String> args = GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "band", "--job-bookmark-option", "job-bookmark-enable"}, "JOB_NAME");
        Job job = new Job(g).init("band", args);
        assertThat(jsonOf(g.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of(input().toString()), "maxFilesInBand", "1"),
                "json", Map.of(), "src"))).containsExactly("{\"id\":1}");
        job.commit();
        new Job(g).init("band", args);
        assertThat(jsonOf(g.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of(input().toString()), "maxFilesInBand", "1"),
                "json", Map.of(), "src"))).containsExactly("{\"id\":2}");
    }

    @Test void concurrentCommitsFailWithAVersionMismatch() throws Exception {
        addFile("a.json", 1_000, 1);
        Map<String, String> args = GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "j", "--job-bookmark-option", "job-bookmark-enable"}, "JOB_NAME");
        GlueContext g1 = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        GlueContext g2 = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        Job a = new Job(g1).init("j", args);
        Job b = new Job(g2).init("j", args);
        a.commit();
        assertThatThrownBy(b::commit).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_BOOKMARK_ERROR));
    }

    @Test void resolvedOptionsFollowGluesRules() {
        Map<String, String> m = GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "x", "--day", "2024-01-01", "--other", "y", "--TempDir", "/t"}, "JOB_NAME", "day");
        assertThat(m).containsEntry("JOB_NAME", "x").containsEntry("day", "2024-01-01").containsEntry("job_bookmark_option", "job-bookmark-disable")
                .containsEntry("RedshiftTempDir", "/t").doesNotContainKey("other");
        assertThat(GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "x", "--continuation-option", "continuation-readonly"}, "JOB_NAME"))
                .containsEntry("job_bookmark_option", "job-bookmark-pause");
        for (String[] bad : List.of(new String[] {"--day", "1"}, new String[] {"--JOB_NAME", "x", "--job-bookmark-option", "job-bookmark-pause", "--job-bookmark-from", "r1"},
                new String[] {"--JOB_NAME", "x", "--job-bookmark-from", "r1", "--job-bookmark-to", "r2"})) {
            assertThatThrownBy(() -> GlueArgs.getResolvedOptions(bad, "JOB_NAME"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> GlueArgs.getResolvedOptions(new String[] {"--job-bookmark-option", "x"}, "job-bookmark-option"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.getMessage()).contains("reserved"));
    }

    @Test void relationalizeKeysContinueAcrossBookmarkedRuns() throws Exception {
        Files.createDirectories(input());
        Files.writeString(input().resolve("a.json"), "{\"id\": 1, \"tags\": [\"x\"]}\n{\"id\": 2, \"tags\": [\"y\"]}\n");
        Files.setLastModifiedTime(input().resolve("a.json"), FileTime.fromMillis(1_000));
        Map<String, String> args = GlueArgs.getResolvedOptions(new String[] {"--JOB_NAME", "rel", "--job-bookmark-option", "job-bookmark-enable"}, "JOB_NAME");
        List<List<String>> roots = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            if (run == 1) {
                Files.writeString(input().resolve("b.json"), "{\"id\": 3, \"tags\": [\"z\"]}\n");
                Files.setLastModifiedTime(input().resolve("b.json"), FileTime.fromMillis(2_000));
            }
            GlueContext g = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
            Job job = new Job(g).init("rel", args);
            DynamicFrame f = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(input().toString())), "json", Map.of(), "src");
            DynamicFrameCollection c = f.relationalize("root", dir.resolve("staging").toString(), TransformOptions.context("rel_ctx"));
            roots.add(jsonOf(c.select("root")));
            job.commit();
        }
        assertThat(roots.get(0)).containsExactly("{\"id\":1,\"tags\":1}", "{\"id\":2,\"tags\":2}");
        assertThat(roots.get(1)).containsExactly("{\"id\":3,\"tags\":3}");
        assertThat(glue.bookmarkStore().load("rel").counters()).containsEntry("rel_ctx:root_tags", 3L);
    }
}
