package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllLongsSketch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kll_merge_agg_*: the sketches of a group merged as Spark's KllMergeAggBase merges them, byte for byte. */
class KllMergeAggTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    private static final String TWO_SKETCHES = " FROM (SELECT kll_sketch_agg_bigint(col) AS sketch FROM VALUES (1), (2), (3) tab(col)"
            + " UNION ALL SELECT kll_sketch_agg_bigint(col) AS sketch FROM VALUES (4), (5), (6) tab(col)) t";

    @Test void mergesTheGroupsSketchesIntoTheLibrarysBytes() {
        assertThat(one("SELECT kll_sketch_get_n_bigint(kll_merge_agg_bigint(sketch))" + TWO_SKETCHES)).isEqualTo(6L);
        KllLongsSketch a = KllLongsSketch.newHeapInstance(200), b = KllLongsSketch.newHeapInstance(200);
        for (long v = 1; v <= 3; v++) a.update(v);
        for (long v = 4; v <= 6; v++) b.update(v);
        KllLongsSketch union = KllLongsSketch.newHeapInstance(200);
        union.merge(a);
        union.merge(b);
        assertThat((byte[]) one("SELECT kll_merge_agg_bigint(sketch)" + TWO_SKETCHES)).isEqualTo(union.toByteArray());
        // an explicit k sizes the merged sketch
        KllLongsSketch sized = KllLongsSketch.newHeapInstance(50);
        sized.merge(a);
        sized.merge(b);
        assertThat((byte[]) one("SELECT kll_merge_agg_bigint(sketch, 50)" + TWO_SKETCHES)).isEqualTo(sized.toByteArray());
    }

    @Test void nullsAreSkippedAndNoSketchesGiveAnEmptyOne() {
        assertThat(one("SELECT kll_sketch_get_n_double(kll_merge_agg_double(s)) FROM (SELECT kll_sketch_agg_double(col) AS s FROM VALUES (1.0D), (2.0D) tab(col)"
                + " UNION ALL SELECT CAST(NULL AS BINARY) AS s)")).isEqualTo(2L);
        assertThat((byte[]) one("SELECT kll_merge_agg_double(s) FROM (SELECT CAST(NULL AS BINARY) AS s)"))
                .isEqualTo(KllDoublesSketch.newHeapInstance(200).toByteArray());
        assertThat(one("SELECT kll_sketch_get_n_float(kll_merge_agg_float(s)) FROM (SELECT kll_sketch_agg_float(CAST(col AS FLOAT)) AS s FROM VALUES (1), (2), (3) tab(col))")).isEqualTo(3L);
    }

    @Test void badInputsAreRefused() {
        assertThatThrownBy(() -> one("SELECT kll_merge_agg_bigint(sketch, 7)" + TWO_SKETCHES))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> one("SELECT kll_merge_agg_bigint(X'0102')")).isInstanceOf(SluiceException.class);
    }
}
