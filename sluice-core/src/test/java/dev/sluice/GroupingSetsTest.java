package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** df.rollup/cube/groupingSets agree with SQL's GROUP BY ROLLUP/CUBE/GROUPING SETS; pivot without values finds them. */
class GroupingSetsTest {
    private static DataFrame sales(Sluice sluice) {
        StructType schema = StructType.of(StructField.of("city", DataTypes.STRING), StructField.of("year", DataTypes.INT),
                StructField.of("amount", DataTypes.INT));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(schema, "A", 2023, 1));
        rows.add(Row.of(schema, "A", 2024, 2));
        rows.add(Row.of(schema, "B", 2024, 4));
        return sluice.createDataFrame(rows, schema);
    }

    private static List<String> sorted(DataFrame df) {
        return df.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test void rollupAndCubeMatchSql() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            sales(sluice).createOrReplaceTempView("sales");
            DataFrame rollup = sales(sluice).rollup("city", "year").agg(sum("amount").alias("total"));
            assertThat(rollup.columns()).containsExactly("city", "year", "total");
            assertThat(sorted(rollup)).isEqualTo(sorted(sluice.sql(
                    "SELECT city, year, sum(amount) AS total FROM sales GROUP BY ROLLUP(city, year)")));
            assertThat(rollup.count()).isEqualTo(3 + 2 + 1);
            DataFrame cube = sales(sluice).cube(col("city"), col("year")).count();
            assertThat(sorted(cube)).isEqualTo(sorted(sluice.sql(
                    "SELECT city, year, count(*) AS count FROM sales GROUP BY CUBE(city, year)")));
            DataFrame sets = sales(sluice).groupingSets(List.of(List.of(col("city")), List.of()), col("city")).agg(sum("amount").alias("t"));
            assertThat(sorted(sets)).containsExactly("[A,3]", "[B,4]", "[null,7]");
        }
    }

    @Test void pivotWithoutValuesFindsThemSorted() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame p = sales(sluice).groupBy("city").pivot("year").agg(sum("amount"));
            assertThat(p.columns()).containsExactly("city", "2023", "2024");
            StructType schema = StructType.of(StructField.of("k", DataTypes.INT));
            List<Row> many = new ArrayList<>();
            for (int i = 0; i <= 10_000; i++) many.add(Row.of(schema, i));
            DataFrame tooMany = sluice.createDataFrame(many, schema);
            assertThatThrownBy(() -> tooMany.groupBy().pivot("k").count())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
        }
    }
}
