package dev.sluice.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSplitterTest {
    private static FileStatus file(String path, long size) { return new FileStatus(path, size, 0, false); }

    @Test void cutsAtFixedOffsets() {
        List<FileSplit> splits = new FileSplitter(10).split(List.of(file("a.json", 25), file("b.json", 10)));
        assertThat(splits).containsExactly(
                new FileSplit("a.json", 0, 10, 25),
                new FileSplit("a.json", 10, 10, 25),
                new FileSplit("a.json", 20, 5, 25),
                new FileSplit("b.json", 0, 10, 10));
        assertThat(splits.get(2).description()).isEqualTo("a.json[20, 25)");
        assertThat(splits.get(2).sizeInBytes()).isEqualTo(5);
    }

    @Test void defaultsTo32MiB() {
        List<FileSplit> splits = new FileSplitter().split(List.of(file("big", 100L * 1024 * 1024)));
        assertThat(splits).hasSize(4);
        assertThat(splits.get(1).start()).isEqualTo(32L * 1024 * 1024);
        assertThat(splits.get(3).length()).isEqualTo(4L * 1024 * 1024);
    }

    @Test void compressedFilesAreOneSplitAndEmptyFilesNone() {
        assertThat(new FileSplitter(10).split(List.of(file("a.json.gz", 95), file("e.json", 0), file("z.json.zst", 30))))
                .containsExactly(new FileSplit("a.json.gz", 0, 95, 95), new FileSplit("z.json.zst", 0, 30, 30));
    }

    @Test void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> new FileSplitter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileSplit("x", 5, 10, 12)).isInstanceOf(IllegalArgumentException.class);
    }
}
