package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.lower;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group-bys on string keys of 0 to 20 bytes (exactly 8, 16 and 17 bytes, empty, NULL, non-ASCII, equal but for
 * trailing zero bytes, case variants under UTF8_LCASE): the same groups and aggregates as Spark.
 */
class ShortStringKeysDifferentialTest {
    private static final List<String> VALUES = List.of("", "\0", "a", "a\0", "abcdefgh", "abcdefgh\0", "abcdefghijklmnop",
            "abcdefghijklmnop\0", "abcdefghijklmnopq", "ES", "es", "Es", "billing", "Billing", "é", "日本", "🙂🙂🙂🙂",
            "a longer key of more than two words");

    private static List<Row> rows(StructType schema, int n) {
        SplittableRandom random = new SplittableRandom(13);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k1 = random.nextInt(15) == 0 ? null : VALUES.get(random.nextInt(VALUES.size()));
            String k2 = random.nextInt(15) == 0 ? null : random.nextBoolean() ? VALUES.get(random.nextInt(VALUES.size())) : "k" + random.nextInt(40);
            rows.add(Row.of(schema, k1, k2, (long) random.nextInt(-20, 100)));
        }
        return rows;
    }

    private static List<String> grouped(Sluice sluice, StructType schema, List<Row> rows) {
        DataFrame df = sluice.createDataFrame(rows, schema).groupBy(col("k1"), col("k2"))
                .agg(count(lit(1)).as("n"), sum(col("v")).as("s"), max(col("v")).as("m"))
                .select(lower(col("k1")), col("k2"), col("n"), col("s"), col("m"));   // a collated group's spelling is either engine's choice
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.values().toString());
        out.sort(null);
        return out;
    }

    @Test void groupsOfShortStringKeysAreSparks() {
        for (String ddl : List.of("k1 STRING, k2 STRING, v BIGINT", "k1 STRING COLLATE UTF8_LCASE, k2 STRING, v BIGINT")) {
            StructType schema = DdlParser.parseSchema(ddl);
            List<Row> rows = rows(schema, 5000);
            try (Sluice embedded = Sluice.builder().parallelism(3).batchSize(512).shufflePartitions(3).build()) {
                List<String> ours = grouped(embedded, schema, rows);
                List<String> spark = grouped(SparkEngine.of(SharedSpark.get()), schema, rows);
                assertThat(ours).as(ddl).hasSizeGreaterThan(100).isEqualTo(spark);
            }
        }
    }
}
