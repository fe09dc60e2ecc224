package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.concat_ws;
import static dev.sluice.functions.date_format;
import static dev.sluice.functions.hash;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.ltrim;
import static dev.sluice.functions.rand;
import static dev.sluice.functions.round;
import static dev.sluice.functions.split;
import static dev.sluice.functions.to_date;
import static dev.sluice.functions.year;
import static org.assertj.core.api.Assertions.assertThat;

/** The function library through the DataFrame API: Spark's column names and values end to end. */
class FunctionLibraryApiTest {
    @Test void libraryFunctionsRunInAQueryWithSparksNames() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            StructType schema = StructType.fromDDL("s STRING, d DOUBLE, dt STRING");
            DataFrame df = sluice.createDataFrame(List.of(
                    Row.of(schema, "xxa", 2.5, "2024-01-15"),
                    Row.of(schema, null, null, null)), schema);
            DataFrame out = df.select(concat_ws("-", col("s"), lit("b")), split(col("s"), "x"), ltrim(col("s"), "x"),
                    round(col("d")), year(to_date(col("dt"))), date_format(to_date(col("dt")), "EEE dd MMM"), hash(col("s")), rand(42));
            assertThat(out.columns()).containsExactly("concat_ws(-, s, b)", "split(s, x, -1)", "TRIM(LEADING x FROM s)",
                    "round(d, 0)", "year(to_date(dt))", "date_format(to_date(dt), EEE dd MMM)", "hash(s)", "rand(42)");
            List<Row> rows = out.collect();
            assertThat(rows.get(0).get(0)).isEqualTo("xxa-b");
            assertThat(rows.get(0).get(1)).isEqualTo(List.of("", "", "a"));
            assertThat(rows.get(0).get(2)).isEqualTo("a");
            assertThat(rows.get(0).get(3)).isEqualTo(3.0);
            assertThat(rows.get(0).get(4)).isEqualTo(2024);
            assertThat(rows.get(0).get(5)).isEqualTo("Mon 15 Jan");
            assertThat(rows.get(1).get(0)).isEqualTo("b");
            assertThat(rows.get(1).get(3)).isNull();
            assertThat(rows.get(1).get(6)).isEqualTo(42);
            assertThat(rows.get(0).get(7)).isEqualTo(0.619189370225301);
            assertThat(rows.get(1).get(7)).isEqualTo(0.5096018842446481);
        }
    }
}
