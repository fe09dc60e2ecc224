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

    @Test void theLastSplitOfALargeInputIsCutIntoShrinkingPieces() {
        // 408 MiB, the benchmark's input: 11 splits of 32 MiB and one of 24, then the last 32 MiB as 16, 8, 4, 4
        long mib = 1024 * 1024;
        List<FileSplit> splits = new FileSplitter().split(List.of(file("logs", 408 * mib)));
        assertThat(splits).extracting(FileSplit::length).containsExactly(
                32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib, 32 * mib,
                24 * mib, 16 * mib, 8 * mib, 4 * mib, 4 * mib);
        assertCovers(splits, 408 * mib);
    }

    @Test void onlyTheInputsLastNonEmptyFileIsTapered() {
        List<FileSplit> splits = new FileSplitter(10).split(List.of(file("a", 45), file("b", 40), file("e", 0)));
        assertThat(splits).containsExactly(
                new FileSplit("a", 0, 10, 45), new FileSplit("a", 10, 10, 45), new FileSplit("a", 20, 10, 45),
                new FileSplit("a", 30, 10, 45), new FileSplit("a", 40, 5, 45),
                new FileSplit("b", 0, 10, 40), new FileSplit("b", 10, 10, 40), new FileSplit("b", 20, 10, 40),
                new FileSplit("b", 30, 5, 40), new FileSplit("b", 35, 2, 40), new FileSplit("b", 37, 1, 40),
                new FileSplit("b", 38, 2, 40));
    }

    @Test void inputsUnderFourSplitsAndCompressedLastFilesKeepTheFixedCut() {
        assertThat(new FileSplitter(10).split(List.of(file("a", 39)))).extracting(FileSplit::length).containsExactly(10L, 10L, 10L, 9L);
        assertThat(new FileSplitter(10).split(List.of(file("a", 60), file("z.json.gz", 95))))
                .extracting(FileSplit::length).containsExactly(10L, 10L, 10L, 10L, 10L, 10L, 95L);
        assertThat(new FileSplitter(7).split(List.of(file("a", 70)))).extracting(FileSplit::length)
                .as("pieces would be empty below 8 bytes").containsOnly(7L);
    }

    @Test void theCutCoversEveryByteOnceAndDependsOnlyOnTheFilesAndTheSetting() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int i = 0; i < 2000; i++) {
            long max = random.nextLong(1, 5000);
            long size = random.nextLong(1, 60_000);
            List<FileSplit> splits = new FileSplitter(max).split(List.of(file("f", size)));
            assertCovers(splits, size);
            assertThat(splits).allSatisfy(s -> assertThat(s.length()).isBetween(1L, max));
            assertThat(new FileSplitter(max).split(List.of(file("f", size)))).isEqualTo(splits);
        }
    }

    /** Consecutive ranges from 0 to {@code size}, each starting where the previous ended. */
    private static void assertCovers(List<FileSplit> splits, long size) {
        long next = 0;
        for (FileSplit s : splits) {
            assertThat(s.start()).isEqualTo(next);
            next = s.end();
        }
        assertThat(next).isEqualTo(size);
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
