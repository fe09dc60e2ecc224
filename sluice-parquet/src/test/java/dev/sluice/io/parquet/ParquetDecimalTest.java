package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimals of at most 18 digits go to INT32/INT64 as their unscaled longs and come back into long-backed vectors:
 * the boundaries of each physical type, nulls, a wider scale on read, and a sum past a long over what was read.
 */
class ParquetDecimalTest {
    private static final StructType SCHEMA = StructType.fromDDL("id INT, d9 DECIMAL(9,2), d18 DECIMAL(18,0), d19 DECIMAL(19,3)");
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(SCHEMA, 0, new BigDecimal("9999999.99"), new BigDecimal("999999999999999999"), new BigDecimal("9999999999999999.999")));
        rows.add(Row.of(SCHEMA, 1, new BigDecimal("-9999999.99"), new BigDecimal("-999999999999999999"), new BigDecimal("-9999999999999999.999")));
        rows.add(Row.of(SCHEMA, 2, new BigDecimal("0.00"), new BigDecimal("0"), new BigDecimal("0.000")));
        rows.add(Row.of(SCHEMA, 3, null, null, null));
        for (int i = 4; i < 40; i++) {
            rows.add(Row.of(SCHEMA, i, BigDecimal.valueOf(i * 1234567L, 2), new BigDecimal("999999999999999999"), BigDecimal.valueOf(-i, 3)));
        }
        return rows;
    }

    private static List<Row> byId(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        return out;
    }

    @Test
    void roundTripsTheBoundariesOfIntAndLongDecimals() {
        Path out = dir.resolve("bounds");
        sluice.createDataFrame(rows(), SCHEMA).write().parquet(out.toString());
        assertThat(byId(sluice.read().parquet(out.toString()).collect())).isEqualTo(byId(rows()));

        // read at a wider scale (Spark allows widening): the unscaled longs are rescaled exactly
        List<Row> wider = byId(sluice.read().schema("id INT, d9 DECIMAL(12,5), d18 DECIMAL(18,0)").parquet(out.toString()).collect());
        assertThat(wider.get(0).get(1)).isEqualTo(new BigDecimal("9999999.99000"));
        assertThat(wider.get(1).get(1)).isEqualTo(new BigDecimal("-9999999.99000"));
        assertThat(wider.get(3).get(1)).isNull();

        // 37 values of 999999999999999999 and one negative: a decimal(28,0) sum past a long
        Row total = sluice.read().parquet(out.toString()).agg(sum(col("d18")), sum(col("d9"))).collect().get(0);
        assertThat(total.get(0)).isEqualTo(new BigDecimal("999999999999999999").multiply(BigDecimal.valueOf(36)));
        BigDecimal d9 = BigDecimal.ZERO;
        for (Row r : rows()) if (r.get(1) != null) d9 = d9.add((BigDecimal) r.get(1));
        assertThat(total.get(1)).isEqualTo(d9);
    }
}
