package dev.sluice.sql;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collate;
import static dev.sluice.functions.collation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collations: UTF8_BINARY (every Sluice string's) is accepted and changes nothing; every other one is refused. */
class CollationTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    @Test void binaryCollationIsEveryStringsOwn() {
        var row = sluice.sql("SELECT collation('a'), 'Ab' COLLATE utf8_binary, collate('x', 'SYSTEM.BUILTIN.UTF8_BINARY'), "
                + "'a' COLLATE UTF8_BINARY = 'A'").collect().get(0);
        assertThat(row.get(0)).isEqualTo("SYSTEM.BUILTIN.UTF8_BINARY");
        assertThat(row.get(1)).isEqualTo("Ab");
        assertThat(row.get(2)).isEqualTo("x");
        assertThat(row.get(3)).isEqualTo(false);
        var api = sluice.sql("SELECT 'q' AS s").select(collate(col("s"), "UTF8_BINARY"), collation(col("s"))).collect().get(0);
        assertThat(api.get(0)).isEqualTo("q");
        assertThat(api.get(1)).isEqualTo("SYSTEM.BUILTIN.UTF8_BINARY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'a' COLLATE UTF8_LCASE", "SELECT collation('Spark SQL' collate UTF8_LCASE)",
            "SELECT collate('a', 'UNICODE_CI')", "SELECT 'a' COLLATE UTF8_BINARY_RTRIM"})
    void otherCollationsAreRefused(String sql) {
        assertThatThrownBy(() -> sluice.sql(sql).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void collateIsStillANameWhereSparkAllowsIt() {
        assertThat(sluice.sql("SELECT 1 AS collate").columns()).containsExactly("collate");
    }
}
