package dev.sluice;

import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** df.stat(): the examples of PySpark's docstrings, with Spark's results. */
class StatFunctionsTest {
    private static DataFrame pairs(Sluice sluice) {
        StructType schema = StructType.of(StructField.of("c1", DataTypes.LONG), StructField.of("c2", DataTypes.LONG));
        List<Row> rows = new ArrayList<>();
        long[][] data = {{1, 11}, {1, 11}, {3, 10}, {4, 8}, {4, 8}};
        for (long[] d : data) rows.add(Row.of(schema, d[0], d[1]));
        return sluice.createDataFrame(rows, schema);
    }

    @SuppressWarnings("unchecked")
    @Test void crosstabAndFreqItems() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame ct = pairs(sluice).stat().crosstab("c1", "c2").orderBy("c1_c2");
            assertThat(ct.columns()).containsExactly("c1_c2", "10", "11", "8");
            assertThat(ct.collectAsList()).extracting(Row::toString).containsExactly("[1,0,2,0]", "[3,1,0,0]", "[4,0,0,2]");
            Row items = pairs(sluice).stat().freqItems(new String[] {"c1", "c2"}).first();
            assertThat((List<Object>) items.get(0)).containsExactlyInAnyOrder(1L, 3L, 4L);
            assertThat((List<Object>) pairs(sluice).stat().freqItems(new String[] {"c1"}, 0.4).first().get(0)).containsExactlyInAnyOrder(1L, 4L);
        }
    }

    @Test void quantilesCorrelationAndStratifiedSamples() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            assertThat(pairs(sluice).stat().approxQuantile("c1", new double[] {0.0, 0.5, 1.0}, 0.05)).containsExactly(1.0, 3.0, 4.0);
            assertThat(pairs(sluice).stat().approxQuantile("c1", new double[] {0.0, 0.2, 1.0}, 0.1)).containsExactly(1.0, 1.0, 4.0);
            assertThat(pairs(sluice).stat().corr("c1", "c1")).isEqualTo(1.0);
            DataFrame sampled = pairs(sluice).stat().sampleBy("c1", Map.of(1L, 1.0, 3L, 0.0), 5);
            assertThat(sampled.count()).isEqualTo(2);
        }
    }
}
