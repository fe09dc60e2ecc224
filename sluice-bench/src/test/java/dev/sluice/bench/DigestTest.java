package dev.sluice.bench;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTest {
    @Test
    void printsInInsertionOrderAndParsesBack() {
        Digest d = Digest.builder().add("rows", 160).add("revenue", 1516126.19).add("ordered", true).build();
        assertThat(d.toString()).isEqualTo("rows=160 revenue=1516126.19000 ordered=true");
        assertThat(Digest.parse(d.toString())).isEqualTo(d);
    }

    @Test
    void decimalsAgreeWithinTheToleranceIntegersExactly() {
        Digest a = Digest.parse("rows=160 revenue=1516126.19000");
        assertThat(a.agrees(Digest.parse("rows=160 revenue=1516126.19000001"))).isTrue();
        assertThat(a.agrees(Digest.parse("rows=160 revenue=1516126.20000"))).isFalse();
        assertThat(a.agrees(Digest.parse("rows=161 revenue=1516126.19000"))).isFalse();
        assertThat(a.agrees(Digest.parse("rows=160"))).isFalse();
        assertThat(Digest.parse("count=185").agrees(Digest.parse("count=186"))).isFalse();
    }

    @Test
    void numbersPrintAsInTheRootLocale() {
        SplittableRandom random = new SplittableRandom(13);
        double[] special = {0.0, -0.0, 1e-5, 123456789012.5, -7186.62622470, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < 20_000 + special.length; i++) {
            double v = i < special.length ? special[i]
                    : i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 16));
            for (String format : new String[] {"%.12g", "%.3f"}) {
                assertThat(String.format(Digest.NUMBERS, format, v)).isEqualTo(String.format(Locale.ROOT, format, v));
            }
        }
    }
}
