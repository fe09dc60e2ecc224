package dev.sluice.bench;

import org.junit.jupiter.api.Test;

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
}
