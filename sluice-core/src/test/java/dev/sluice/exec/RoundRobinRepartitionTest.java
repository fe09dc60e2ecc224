package dev.sluice.exec;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** repartition(n): a round-robin exchange that can add partitions (coalesce cannot) and deals rows evenly. */
class RoundRobinRepartitionTest {
    @TempDir Path dir;

    private static DataFrame ids(Sluice sluice, int n) {
        StructType schema = StructType.of(StructField.of("id", DataTypes.LONG));
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) rows.add(Row.of(schema, i));
        return sluice.createDataFrame(rows, schema);
    }

    @Test void addsPartitionsAndDealsRowsEvenly() throws IOException {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame spread = ids(sluice, 100).coalesce(1).repartition(4);
            assertThat(spread.collectAsList()).extracting(r -> r.get(0)).hasSize(100).doesNotHaveDuplicates();
            spread.write().format("csv").save(dir.resolve("out").toString());
            List<Long> linesPerFile = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir.resolve("out"))) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                    linesPerFile.add((long) Files.readAllLines(f).size());
                }
            }
            assertThat(linesPerFile).containsExactly(25L, 25L, 25L, 25L);
        }
    }

    @Test void showsInExplainAndRefusesZero() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            assertThat(ids(sluice, 3).repartition(3).explainString("extended")).contains("RoundRobinPartitions: 3");
            assertThatThrownBy(() -> ids(sluice, 3).repartition(0))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }
}
