package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.job.BookmarkState;
import dev.sluice.glue.job.GlueArgs;
import dev.sluice.glue.job.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Glue's JDBC bookmarks on H2 across runs: primary key by default, jobBookmarkKeys (compound, desc), pause, from/to. */
class JdbcBookmarksTest extends GlueTestBase {
    private static int databases;
    private String url;

    @BeforeEach void database() throws Exception {
        url = "jdbc:h2:mem:bookmarks" + (databases++) + ";DB_CLOSE_DELAY=-1";
        sql("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(20))",
                "CREATE TABLE events (d DATE, seq INT, what VARCHAR(20))",
                "CREATE TABLE countdown (n BIGINT, what VARCHAR(20))");
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String st : statements) s.execute(st);
        }
    }

    /** One job run over {@code table}: the values of {@code column} read, sorted; commits unless told not to. */
    private List<String> run(String option, boolean commit, String table, String column, Map<String, String> extraOptions, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--JOB_NAME", "jdbcjob", "--job-bookmark-option", option));
        args.addAll(List.of(extraArgs));
        Map<String, String> resolved = GlueArgs.getResolvedOptions(args.toArray(new String[0]), "JOB_NAME");
        GlueContext g = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
        Job job = new Job(g).init(resolved.get("JOB_NAME"), resolved);
        Map<String, Object> options = new HashMap<>(Map.of("url", url, "dbtable", table));
        options.putAll(extraOptions);
        DynamicFrame f = g.createDynamicFrame().fromOptions("custom.jdbc", options, null, Map.of(), "src_" + table);
        List<String> out = new ArrayList<>();
        for (DynamicRecord r : f.collect()) out.add(String.valueOf(r.get(column)));
        assertThat(f.count()).as("a second action reads the same rows").isEqualTo(out.size());
        if (commit) job.commit();
        out.sort(null);
        return out;
    }

    private List<String> orders(String option, boolean commit, String... extraArgs) {
        return run(option, commit, "orders", "ITEM", Map.of(), extraArgs);
    }

    @Test void thePrimaryKeyBookmarksNewRowsAcrossRuns() throws Exception {
        sql("INSERT INTO orders VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        assertThat(orders("job-bookmark-enable", true)).containsExactly("a", "b", "c");
        assertThat(orders("job-bookmark-enable", true)).isEmpty();
        sql("INSERT INTO orders VALUES (4, 'd'), (7, 'g')", "UPDATE orders SET item = 'A' WHERE id = 1");   // gaps are fine; updates unseen
        assertThat(orders("job-bookmark-enable", true)).containsExactly("d", "g");
        BookmarkState s = glue.bookmarkStore().load("jdbcjob");
        assertThat(s.keyMark("src_orders", Long.MAX_VALUE)).isEqualTo(new BookmarkState.KeyMark(List.of("ID"), false, List.of("7")));
        assertThat(s.run()).isEqualTo(3);
    }

    @Test void aFailedRunPauseAndDisableLeaveTheBookmark() throws Exception {
        sql("INSERT INTO orders VALUES (1, 'a'), (2, 'b')");
        assertThat(orders("job-bookmark-enable", false)).containsExactly("a", "b");   // fails before commit
        assertThat(orders("job-bookmark-enable", true)).containsExactly("a", "b");
        sql("INSERT INTO orders VALUES (3, 'c')");
        assertThat(orders("job-bookmark-pause", true)).containsExactly("c");          // reads what is new, saves nothing
        assertThat(orders("job-bookmark-disable", true)).containsExactly("a", "b", "c");
        assertThat(orders("job-bookmark-enable", true)).containsExactly("c");
    }

    @Test void pauseWithFromAndToReadsTheRowsOfThoseRuns() throws Exception {
        sql("INSERT INTO orders VALUES (1, 'a')");
        orders("job-bookmark-enable", true);
        String first = glue.bookmarkStore().load("jdbcjob").runId();
        sql("INSERT INTO orders VALUES (2, 'b'), (3, 'c')");
        orders("job-bookmark-enable", true);
        sql("INSERT INTO orders VALUES (4, 'd')");
        orders("job-bookmark-enable", true);
        String third = glue.bookmarkStore().load("jdbcjob").runId();
        sql("INSERT INTO orders VALUES (5, 'e')");
        assertThat(orders("job-bookmark-pause", true, "--job-bookmark-from", first, "--job-bookmark-to", third)).containsExactly("b", "c", "d");
    }

    @Test void compoundUserKeysAndDescendingKeys() throws Exception {
        sql("INSERT INTO events VALUES (DATE '2024-01-01', 1, 'x'), (DATE '2024-01-01', 2, 'y'), (DATE '2024-01-02', 1, 'z')");
        Map<String, String> keys = Map.of("jobBookmarkKeys", "[\"d\", \"seq\"]", "jobBookmarkKeysSortOrder", "asc");
        assertThat(run("job-bookmark-enable", true, "events", "WHAT", keys)).containsExactly("x", "y", "z");
        sql("INSERT INTO events VALUES (DATE '2024-01-02', 2, 'w'), (DATE '2024-01-03', 1, 'v')");
        assertThat(run("job-bookmark-enable", true, "events", "WHAT", keys)).containsExactly("v", "w");

        sql("INSERT INTO countdown VALUES (100, 'p'), (90, 'q')");
        Map<String, String> desc = Map.of("jobBookmarkKeys", "n", "jobBookmarkKeysSortOrder", "desc");
        assertThat(run("job-bookmark-enable", true, "countdown", "WHAT", desc)).containsExactly("p", "q");
        sql("INSERT INTO countdown VALUES (80, 'r'), (70, 's')");
        assertThat(run("job-bookmark-enable", true, "countdown", "WHAT", desc)).containsExactly("r", "s");
        assertThatThrownBy(() -> run("job-bookmark-enable", true, "countdown", "WHAT", Map.of("jobBookmarkKeys", "n")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_BOOKMARK_ERROR));
    }

    @Test void aTableWithoutPrimaryKeyNeedsKeysAndBadOptionsAreRefused() {
        assertThatThrownBy(() -> run("job-bookmark-enable", true, "countdown", "WHAT", Map.of()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_BOOKMARK_ERROR));
        assertThatThrownBy(() -> run("job-bookmark-enable", true, "countdown", "WHAT", Map.of("jobBookmarkKeys", "nope")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> run("job-bookmark-enable", true, "countdown", "WHAT", Map.of("jobBookmarkKeys", "n", "jobBookmarkKeysSortOrder", "up")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        // without bookmarks the table is read whole, keys or not
        assertThat(run("job-bookmark-disable", true, "countdown", "WHAT", Map.of())).isEmpty();
    }

    @Test void hashPartitionedReadsKeepTheBookmarkRange() throws Exception {
        sql("INSERT INTO orders VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        Map<String, String> hashed = Map.of("hashexpression", "id", "hashpartitions", "3");
        assertThat(run("job-bookmark-enable", true, "orders", "ITEM", hashed)).containsExactly("a", "b", "c", "d");
        sql("INSERT INTO orders VALUES (5, 'e'), (6, 'f'), (9, 'i')");
        assertThat(run("job-bookmark-enable", true, "orders", "ITEM", hashed)).containsExactly("e", "f", "i");
    }
}
