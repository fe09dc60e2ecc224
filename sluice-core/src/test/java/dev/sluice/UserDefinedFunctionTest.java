package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.udf.UDF1;
import dev.sluice.udf.UDF2;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Java UDFs as Spark's: {@code functions.udf(f, type).apply(cols)}, and {@code sluice.udf().register} per session. */
class UserDefinedFunctionTest {
    private static DataFrame people(Sluice sluice) {
        StructType schema = StructType.of(StructField.of("name", DataTypes.STRING), StructField.of("age", DataTypes.INT));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(schema, "Alice", 30));
        rows.add(Row.of(schema, "Bob", null));
        rows.add(Row.of(schema, "Carol", 41));
        return sluice.createDataFrame(rows, schema);
    }

    @Test void appliesToColumnsAndIsNamedLikeSpark() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            UserDefinedFunction length = udf((UDF1<String, Integer>) String::length, DataTypes.INT);
            UserDefinedFunction older = udf((UDF2<Integer, Integer, Integer>) (a, n) -> a == null ? null : a + n, DataTypes.INT);
            DataFrame df = people(sluice).select(length.apply(col("name")), older.apply(col("age"), lit(1)).alias("next"));
            assertThat(df.columns()).containsExactly("UDF(name)", "next");
            assertThat(df.collectAsList()).extracting(r -> r.get(0), r -> r.get(1))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 31), org.assertj.core.groups.Tuple.tuple(3, null),
                            org.assertj.core.groups.Tuple.tuple(5, 42));
            assertThat(length.withName("len").apply(col("name")).expr().sql()).isEqualTo("len(name)");
        }
    }

    @Test void registeredFunctionsAreCallableFromSqlInTheirSessionOnly() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            sluice.udf().register("shout", (UDF1<String, String>) s -> s.toUpperCase() + "!", DataTypes.STRING);
            people(sluice).createOrReplaceTempView("people");
            assertThat(sluice.sql("SELECT shout(name) AS s FROM people WHERE age > 35").collectAsList())
                    .extracting(r -> r.get(0)).containsExactly("CAROL!");
            assertThat(people(sluice).selectExpr("shout(name)").collectAsList()).hasSize(3);
            assertThat(people(sluice).filter("shout(name) = 'BOB!'").count()).isEqualTo(1);
            // a session's function shadows the built-in of the same name, as a Spark temporary function does
            sluice.udf().register("upper", (UDF1<String, String>) s -> "u:" + s, DataTypes.STRING);
            assertThat(people(sluice).selectExpr("upper(name)").first().get(0)).isEqualTo("u:Alice");

            Sluice other = sluice.newSession();
            assertThatThrownBy(() -> other.sql("SELECT shout('x')"))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        }
    }

    @Test void failuresAreCodedWithTheirCause() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            UserDefinedFunction bad = udf((UDF1<String, Integer>) s -> Integer.parseInt(s), DataTypes.INT).withName("parse");
            assertThatThrownBy(() -> people(sluice).select(bad.apply(col("name"))).collectAsList())
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        SluiceException udfError = findCode(e, ErrorCode.FAILED_EXECUTE_UDF);
                        assertThat(udfError).isNotNull();
                        assertThat(udfError.facts()).containsEntry("function", "parse");
                    });
            UserDefinedFunction wrongType = udf((UDF1<String, Object>) s -> s, DataTypes.INT);
            assertThatThrownBy(() -> people(sluice).select(wrongType.apply(col("name"))).collectAsList())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(findCode(e, ErrorCode.FAILED_EXECUTE_UDF)).isNotNull());
        }
    }

    @Test void nondeterministicFunctionsAreMarkedAndNotFolded() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            UserDefinedFunction counter = udf((dev.sluice.udf.UDF0<Integer>) calls::incrementAndGet, DataTypes.INT).asNondeterministic();
            assertThat(counter.deterministic()).isFalse();
            assertThat(udf((dev.sluice.udf.UDF0<Integer>) () -> 1, DataTypes.INT).deterministic()).isTrue();
            List<Row> rows = people(sluice).select(counter.apply().alias("n")).collectAsList();
            assertThat(rows).hasSize(3);
            assertThat(calls.get()).isEqualTo(3);
        }
    }

    private static SluiceException findCode(Throwable t, ErrorCode code) {
        for (; t != null; t = t.getCause()) if (t instanceof SluiceException s && s.code() == code) return s;
        return null;
    }
}
