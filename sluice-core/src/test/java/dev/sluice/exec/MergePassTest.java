package dev.sluice.exec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a pass of the external sort groups runs: only as many merged as the final merge's fan-in needs. */
class MergePassTest {
    private static List<SpilledRun> runs(int n) {
        return new ArrayList<>(Collections.nCopies(n, (SpilledRun) null));
    }

    private static List<Integer> sizes(List<List<SpilledRun>> groups) {
        List<Integer> out = new ArrayList<>();
        for (List<SpilledRun> g : groups) out.add(g.size());
        return out;
    }

    @Test void aFewRunsTooManyMergeOnlyEnoughToReachTheFanIn() {
        List<Integer> sizes = sizes(MergePass.plan(runs(24), 16));
        assertThat(sizes.get(0)).isEqualTo(9);                        // one group of 9 ...
        assertThat(sizes.subList(1, sizes.size())).containsOnly(1);   // ... and 15 runs left alone
        assertThat(sizes).hasSize(16);
    }

    @Test void upToTheSquareOfTheFanInOnePassLeavesExactlyTheFanIn() {
        for (int n : new int[] {17, 100, 237, 256}) {
            List<Integer> sizes = sizes(MergePass.plan(runs(n), 16));
            assertThat(sizes).hasSize(16);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
            assertThat(sizes).allSatisfy(s -> assertThat(s).isBetween(1, 16));
        }
    }

    @Test void moreThanTheSquareMergesFullGroups() {
        List<Integer> sizes = sizes(MergePass.plan(runs(380), 16));
        assertThat(sizes).hasSize(24);   // 23 groups of 16 and one of 12, then a partial pass
        assertThat(sizes.subList(0, 23)).containsOnly(16);
        assertThat(sizes.get(23)).isEqualTo(12);
    }

    @Test void runsWithinTheFanInAreLeftAlone() {
        assertThat(sizes(MergePass.plan(runs(16), 16))).containsOnly(1).hasSize(16);
    }

    @Test void aPartialPassIsCutIntoAGroupPerWorkerRewritingTheSameRuns() {
        List<Integer> one = sizes(MergePass.plan(runs(256), 140));
        List<Integer> two = sizes(MergePass.plan(runs(256), 140, 2));
        assertThat(one.get(0)).isEqualTo(117);                        // one group on one worker ...
        assertThat(two.subList(0, 2)).containsExactly(59, 59);        // ... or two about equal groups
        assertThat(two.subList(2, two.size())).containsOnly(1);
        assertThat(two).hasSize(140);                                 // the same fan-in left
        assertThat(one.get(0)).isEqualTo(two.get(0) + two.get(1) - 1);   // one run more rewritten per extra group
        // fewer runs to remove than workers: no group of one pretends to merge
        assertThat(sizes(MergePass.plan(runs(17), 16, 7))).startsWith(2).hasSize(16);
    }
}
