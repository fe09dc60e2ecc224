package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sluice.functions.col;
import static dev.sluice.functions.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files read whole (a {@code wholetext} row, a multiLine JSON file) are charged to the memory budget as their buffer
 * grows: one that fits is read and its memory given back; one larger than the budget is LIMIT_EXCEEDED naming the
 * file and the budget. Before, both were read into arrays outside the budget, whatever their size.
 */
class WholeFileBudgetTest {
    static final long MB = 1L << 20;
    @TempDir Path dir;

    private static Sluice session() { return Sluice.builder().parallelism(2).memoryBudget(2 * MB).build(); }

    private Path text(String name, int bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, "x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
        return p;
    }

    private Path jsonArray(String name, int records) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < records; i++) sb.append(i == 0 ? "" : ",\n").append("{\"id\":").append(i).append(",\"s\":\"").append("y".repeat(40)).append("\"}");
        Path p = dir.resolve(name);
        Files.writeString(p, sb.append("\n]\n").toString());
        return p;
    }

    @Test void aWholetextFileThatFitsIsReadAndItsMemoryGivenBack() throws IOException {
        Path small = text("small.txt", 100_000);
        try (Sluice s = session()) {
            assertThat(s.read().option("wholetext", "true").text(small.toString()).select(length(col("value"))).collectAsList().get(0).get(0))
                    .isEqualTo(100_000);
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    @Test void aWholetextFileLargerThanTheBudgetIsLimitExceeded() throws IOException {
        Path large = text("large.txt", (int) (3 * MB));
        try (Sluice s = session()) {
            assertThatThrownBy(() -> s.read().option("wholetext", "true").text(large.toString()).select(length(col("value"))).collectAsList())
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                        assertThat(e.fact("what")).contains("large.txt");
                        assertThat(e.fact("limit")).contains("memory budget");
                    });
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    @Test void aMultiLineJsonFileIsChargedToo() throws IOException {
        Path small = jsonArray("small.json", 1_000);
        Path large = jsonArray("large.json", 60_000);   // about 3.5 MB
        try (Sluice s = session()) {
            String schema = "id BIGINT, s STRING";
            assertThat(s.read().schema(schema).option("multiLine", "true").json(small.toString()).count()).isEqualTo(1_000);
            assertThatThrownBy(() -> s.read().schema(schema).option("multiLine", "true").json(large.toString()).count())
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                        assertThat(e.fact("what")).contains("large.json");
                    });
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }
}
