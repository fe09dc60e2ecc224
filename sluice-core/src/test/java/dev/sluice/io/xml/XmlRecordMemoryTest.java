package dev.sluice.io.xml;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sluice.functions.col;
import static dev.sluice.functions.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The XML reader's record buffer grows with the largest record: it is charged to the memory budget. */
class XmlRecordMemoryTest {
    @TempDir Path dir;

    static String file(int recordBytes) {
        return "<rows>\n<row><id>1</id><text>small</text></row>\n<row><id>2</id><text>" + "x".repeat(recordBytes)
                + "</text></row>\n<row><id>3</id><text>after</text></row>\n</rows>\n";
    }

    /** A 16 MiB record under a 4 MiB budget: LIMIT_EXCEEDED naming the file and the record, never an OutOfMemoryError. */
    @Test void recordLargerThanTheBudgetIsRefusedNamingTheFile() throws IOException {
        Path p = dir.resolve("huge.xml");
        Files.writeString(p, file(16 << 20));
        try (Sluice sluice = Sluice.builder().parallelism(1).memoryBudget(4L << 20).build()) {
            SluiceException e = catchThrowableOfType(SluiceException.class, () -> sluice.read().option("rowTag", "row")
                    .schema("id BIGINT, text STRING").format("xml").load(p.toString()).select(col("id")).collect());
            assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains(p.toString()).contains("line 3").contains("memoryBudget");
        }
    }

    /** A 1 MiB record fits a 64 MiB budget: it is read, and the file's other records too. */
    @Test void recordWithinTheBudgetIsRead() throws IOException {
        Path p = dir.resolve("big.xml");
        Files.writeString(p, file(1 << 20));
        try (Sluice sluice = Sluice.builder().parallelism(1).memoryBudget(64L << 20).build()) {
            assertThat(sluice.read().option("rowTag", "row").schema("id BIGINT, text STRING").format("xml").load(p.toString())
                    .orderBy(col("id")).select(col("id"), length(col("text"))).collect()).extracting(Object::toString)
                    .containsExactly("[1,5]", "[2,1048576]", "[3,5]");
        }
    }
}
