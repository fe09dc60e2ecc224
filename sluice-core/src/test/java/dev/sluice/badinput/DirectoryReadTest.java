package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Directories read as Spark 4.1 reads them; nothing to infer from is UNABLE_TO_INFER_SCHEMA. */
class DirectoryReadTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Path write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    static void assertUnableToInfer(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_INFER_SCHEMA));
    }

    @Test void anEmptyDirectoryWithoutASchemaIsUnableToInferSchema() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUnableToInfer(() -> sluice.read().json(empty.toString()));
        assertUnableToInfer(() -> sluice.read().option("header", "true").csv(empty.toString()));
        // with a schema it is an empty table, as in Spark; text has a fixed schema
        assertThat(sluice.read().schema("a INT").json(empty.toString()).count()).isZero();
        assertThat(sluice.read().text(empty.toString()).count()).isZero();
    }

    @Test void onlyHiddenAndUnderscoreFilesIsUnableToInferSchema() throws IOException {
        write("hidden/_SUCCESS", "");
        write("hidden/.part.json.crc", "x");
        write("hidden/_metadata", "{\"a\":1}");
        assertUnableToInfer(() -> sluice.read().json(dir.resolve("hidden").toString()));
    }

    /** The old listing read plain sub-directories; Spark 4.1 (and now Sluice) reads only the top level. */
    @Test void aPlainSubDirectoryIsNotReadWithoutRecursiveFileLookup() throws IOException {
        write("nested/top.json", "{\"a\":1}\n");
        write("nested/sub/deep.json", "{\"a\":2}\n");
        assertThat(sluice.read().schema("a INT").json(dir.resolve("nested").toString()).count()).isEqualTo(1);
        assertThat(sluice.read().schema("a INT").option("recursiveFileLookup", "true")
                .json(dir.resolve("nested").toString()).count()).isEqualTo(2);
        write("onlysub/sub/deep.json", "{\"a\":2}\n");
        assertUnableToInfer(() -> sluice.read().json(dir.resolve("onlysub").toString()));
    }

    @Test void partitionDirectoriesAreStillDiscovered() throws IOException {
        write("parts/day=1/a.json", "{\"a\":1}\n");
        write("parts/day=2/b.json", "{\"a\":2}\n{\"a\":3}\n");
        var df = sluice.read().json(dir.resolve("parts").toString());
        assertThat(df.schema().fieldNames()).containsExactly("a", "day");
        assertThat(df.count()).isEqualTo(3);
    }

    @Test void aPathWithSpacesColonsGlobCharactersAndNonAsciiIsRead() throws IOException {
        Path weird = write("we ird:[x]{y}*?é/d ata ü.json", "{\"a\":1}\n");
        String escaped = weird.getParent().toString().replace("[", "\\[").replace("{", "\\{").replace("*", "\\*").replace("?", "\\?");
        assertThat(sluice.read().schema("a INT").json(escaped).count()).isEqualTo(1);
        assertThat(sluice.read().schema("a INT").json(escaped + "/*.json").count()).isEqualTo(1);
    }
}
