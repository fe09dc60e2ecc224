package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InputBytesTest {
    @Test
    void aFileIsItsSizeADirectoryTheSumOfItsFilesAMissingPathZero(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.jsonl"), new byte[1000]);
        assertThat(InputBytes.of(file)).isEqualTo(1000);
        Files.createDirectories(dir.resolve("part/nested"));
        Files.write(dir.resolve("part/b.csv"), new byte[200]);
        Files.write(dir.resolve("part/nested/c.csv"), new byte[30]);
        assertThat(InputBytes.of(dir.resolve("part"))).isEqualTo(230);
        assertThat(InputBytes.of(dir)).isEqualTo(1230);
        assertThat(InputBytes.of(dir.resolve("missing"))).isZero();
    }
}
