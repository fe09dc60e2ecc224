package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sample and randomSplit: seeded per partition, so the same rows whatever the parallelism; splits disjoint and complete. */
class SamplingTest {
    @TempDir Path dir;

    /** 4 files of 2500 ids each: the partitioning comes from the files, not from the number of workers. */
    private DataFrame ids(Sluice sluice) throws Exception {
        for (int f = 0; f < 4; f++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2500; i++) sb.append("{\"id\":").append(f * 2500 + i).append("}\n");
            Files.writeString(dir.resolve("part-" + f + ".json"), sb.toString());
        }
        return sluice.read().schema("id BIGINT").json(dir.toString());
    }

    private static List<Long> ids(DataFrame df) {
        return df.collectAsList().stream().map(r -> (Long) r.get(0)).sorted().toList();
    }

    @Test void samplesDoNotDependOnParallelism() throws Exception {
        List<Long> one, four;
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) { one = ids(ids(sluice).sample(0.1, 7)); }
        try (Sluice sluice = Sluice.builder().parallelism(4).build()) { four = ids(ids(sluice).sample(0.1, 7)); }
        assertThat(one).isEqualTo(four);
        assertThat(one.size()).isBetween(800, 1200);
        try (Sluice sluice = Sluice.builder().parallelism(3).build()) {
            List<Long> withReplacement = ids(ids(sluice).sample(true, 0.5, 3));
            assertThat(withReplacement.size()).isBetween(4500, 5500);
            assertThat(new HashSet<>(withReplacement).size()).isLessThan(withReplacement.size());   // some rows drawn twice
            assertThat(withReplacement).isEqualTo(ids(ids(sluice).sample(true, 0.5, 3)));
        }
    }

    @Test void randomSplitsAreDisjointAndComplete() throws Exception {
        try (Sluice sluice = Sluice.builder().parallelism(3).build()) {
            DataFrame[] parts = ids(sluice).randomSplit(new double[] {2, 1, 1}, 11);
            List<Long> all = new ArrayList<>();
            for (DataFrame p : parts) all.addAll(ids(p));
            Set<Long> distinct = new HashSet<>(all);
            assertThat(all).hasSize(10_000);
            assertThat(distinct).hasSize(10_000);
            assertThat(parts[0].count()).isBetween(4500L, 5500L);
        }
    }

    @Test void badFractionsAndWeightsAreRefused() throws Exception {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            StructType schema = StructType.of(StructField.of("id", DataTypes.LONG));
            DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, 1L)), schema);
            assertThatThrownBy(() -> df.sample(1.5, 1)).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertThatThrownBy(() -> df.randomSplit(new double[] {1, -1}, 1)).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }
}
