package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sluice.AggregateTestSupport.schema;
import static dev.sluice.AggregateTestSupport.session;
import static dev.sluice.AggregateTestSupport.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** distinct() and dropDuplicates(...): Spark's rows (4.1.1), and the first row per key in partition order. */
class DistinctTest {
    static final StructType SCHEMA = StructType.fromDDL("x INT, y STRING, z INT");

    static DataFrame data(Sluice sluice) {
        List<Row> rows = List.of(Row.of(SCHEMA, 1, "a", 10), Row.of(SCHEMA, 1, "a", 11), Row.of(SCHEMA, 2, "b", 20),
                Row.of(SCHEMA, 1, "a", 10), Row.of(SCHEMA, null, null, 1), Row.of(SCHEMA, null, null, 1));
        return sluice.createDataFrame(rows, SCHEMA);
    }

    @ParameterizedTest @ValueSource(ints = {1, 7})
    void distinctAndDropDuplicatesMatchSpark(int parallelism) {
        try (Sluice sluice = session(parallelism)) {
            DataFrame df = data(sluice);
            assertThat(sorted(df.distinct())).containsExactly("[1,a,10]", "[1,a,11]", "[2,b,20]", "[null,null,1]");
            assertThat(sorted(df.dropDuplicates())).containsExactly("[1,a,10]", "[1,a,11]", "[2,b,20]", "[null,null,1]");
            assertThat(sorted(df.dropDuplicates("x"))).containsExactly("[1,a,10]", "[2,b,20]", "[null,null,1]");
            assertThat(sorted(df.dropDuplicates(new String[] {"x", "Y"}))).containsExactly("[1,a,10]", "[2,b,20]", "[null,null,1]");
            assertThat(schema(df.dropDuplicates("z"))).containsExactly("x:int", "y:string", "z:int");
            assertThat(df.distinct().count()).isEqualTo(4);
            assertThat(df.filter(functions.lit(false)).distinct().count()).isZero();
            assertThatThrownBy(() -> df.dropDuplicates("nope"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
        }
    }

    @ParameterizedTest(name = "seed {0}, parallelism {1}")
    @CsvSource({"11, 1", "11, 7", "12, 7", "13, 7"})
    void dropDuplicatesKeepsTheFirstRowOfEachKeyInPartitionOrder(long seed, int parallelism) {
        StructType schema = StructType.fromDDL("k INT, tag STRING, pos INT");
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Integer k = random.nextInt(8) == 0 ? null : random.nextInt(4) == 0 ? 0 : random.nextInt(30);   // skewed toward 0
            rows.add(Row.of(schema, k, random.nextInt(5) == 0 ? null : "t" + random.nextInt(3), i));
        }
        Map<Object, Row> firstPerKey = new LinkedHashMap<>();
        Map<List<Object>, Row> firstPerKeyAndTag = new LinkedHashMap<>();
        for (Row r : rows) {
            firstPerKey.putIfAbsent(r.get(0), r);
            firstPerKeyAndTag.putIfAbsent(Arrays.asList(r.get(0), r.get(1)), r);
        }
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).batchSize(9).shufflePartitions(parallelism == 1 ? 1 : 4).build()) {
            DataFrame df = sluice.createDataFrame(rows, schema);
            assertThat(sorted(df.dropDuplicates("k"))).isEqualTo(texts(firstPerKey.values()));
            assertThat(sorted(df.dropDuplicates("k", "tag"))).isEqualTo(texts(firstPerKeyAndTag.values()));
            assertThat(sorted(df.select("k", "tag").distinct())).isEqualTo(
                    texts(firstPerKeyAndTag.values().stream().map(r -> Row.of(StructType.fromDDL("k INT, tag STRING"), r.get(0), r.get(1))).toList()));
        }
    }

    private static List<String> texts(java.util.Collection<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) out.add(r.toString());
        out.sort(null);
        return out;
    }
}
