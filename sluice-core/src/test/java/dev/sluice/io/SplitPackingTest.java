package dev.sluice.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPackingTest {
    static final long MAX = 32L << 20;
    static final long OPEN = SplitPacking.openCost(MAX);   // 1 MiB

    static FileSplit file(String name, long size) { return new FileSplit("/d/" + name, 0, size, size); }

    @Test void tinyFilesShareTasksUpToTheSplitSizeCountingTheOpenCost() {
        List<Split> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) files.add(file("f" + i, 100));
        List<Split> packed = SplitPacking.pack(files, MAX);
        // each costs 100 bytes + 1 MiB: 31 fit in 32 MiB
        assertThat(packed).hasSize(4);
        assertThat(((SplitGroup) packed.get(0)).members()).hasSize(31);
        assertThat(((SplitGroup) packed.get(3)).members()).hasSize(7);
        List<Split> flattened = new ArrayList<>();
        for (Split s : packed) flattened.addAll(((SplitGroup) s).members());
        assertThat(flattened).containsExactlyElementsOf(files);   // every split once, in order
    }

    @Test void splitsOfAUsefulSizeKeepATaskEachAndBreakRuns() {
        FileSplit a = file("a", 10), b = file("b", 20), big = file("big", OPEN), c = file("c", 30);
        List<Split> packed = SplitPacking.pack(List.of(a, b, big, c), MAX);
        assertThat(packed).containsExactly(new SplitGroup(List.of(a, b)), big, c);
    }

    @Test void theTaperedPiecesAtTheEndOfAnInputKeepATaskEach() {
        List<Split> splits = new ArrayList<>(new FileSplitter(MAX).split(List.of(new FileStatus("/d/big", 5 * MAX + 3, 0, false))));
        assertThat(splits).hasSize(9);   // 4 whole splits and a 3-byte rest, then MAX/2, /4, /8, /8
        List<Split> packed = SplitPacking.pack(splits, MAX);
        assertThat(packed).containsExactlyElementsOf(splits);   // the smallest piece (MAX/8) is above the open cost (MAX/32)
    }

    @Test void splitsThatAreNotFileRangesAreNeverPacked() {
        Split memory = new MemorySource.Chunk(0, 10);
        assertThat(SplitPacking.pack(List.of(memory, memory), MAX)).containsExactly(memory, memory);
    }

    @Test void theGroupsDependOnlyOnTheFilesAndTheSetting() {
        List<Split> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) files.add(file("f" + i, i % 7 * 1000));
        assertThat(SplitPacking.pack(files, MAX)).isEqualTo(SplitPacking.pack(new ArrayList<>(files), MAX));
    }
}
