package dev.sluice;

import org.junit.jupiter.api.Test;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

/** sameSemantics / semanticHash: plans compared after Spark's canonicalization (names of aliases and columns dropped). */
class SameSemanticsTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();

    @Test void theSameComputationUnderOtherNamesIsTheSame() {
        DataFrame a = SLUICE.range(10);
        DataFrame b = SLUICE.range(10);
        DataFrame doubledA = a.withColumn("col1", a.col("id").multiply(lit(2)));
        assertThat(doubledA.sameSemantics(b.withColumn("col1", b.col("id").multiply(lit(2))))).isTrue();
        assertThat(doubledA.sameSemantics(b.withColumn("col0", b.col("id").multiply(lit(2))))).isTrue();
        assertThat(doubledA.semanticHash()).isEqualTo(b.withColumn("col0", b.col("id").multiply(lit(2))).semanticHash());
        // a reference to the renamed column above it is still the same column
        assertThat(doubledA.filter(col("col1").gt(4)).sameSemantics(b.withColumn("x", b.col("id").multiply(lit(2))).filter(col("x").gt(4)))).isTrue();
    }

    @Test void anotherComputationOrInputIsNotTheSame() {
        DataFrame a = SLUICE.range(10);
        assertThat(a.withColumn("c", col("id").multiply(lit(2))).sameSemantics(a.withColumn("c", col("id").plus(lit(2))))).isFalse();
        assertThat(a.sameSemantics(SLUICE.range(11))).isFalse();
        assertThat(a.sameSemantics(SLUICE.range(0, 10, 2))).isFalse();
        assertThat(a.filter(col("id").gt(1)).sameSemantics(a.filter(col("id").gt(2)))).isFalse();
    }
}
