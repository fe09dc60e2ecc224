package dev.sluice.expr.fn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The binary form Spark Connect clients decode a variant from (Spark's Variant encoding), byte by byte. */
class VariantBinaryTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test void anObjectNamesItsKeysThroughTheMetadataDictionary() {
        VariantBinary.Encoded e = VariantBinary.encode("{\"a\":1}");
        // version 1, 1-byte offsets; one key; offsets 0, 1; "a"
        assertThat(e.metadata()).isEqualTo(bytes(0x01, 0x01, 0x00, 0x01, 'a'));
        // object, 1-byte ids and offsets; 1 field; id 0; offsets 0, 2; int8 1
        assertThat(e.value()).isEqualTo(bytes(0x02, 0x01, 0x00, 0x00, 0x02, 0x0C, 0x01));
    }

    @Test void arraysStringsBooleansAndDecimals() {
        VariantBinary.Encoded e = VariantBinary.encode("[true,\"x\",1.5]");
        assertThat(e.metadata()).isEqualTo(bytes(0x01, 0x00, 0x00));
        assertThat(e.value()).isEqualTo(bytes(0x03, 0x03, 0x00, 0x01, 0x03, 0x09,
                0x04, 0x05, 'x', 0x20, 0x01, 0x0F, 0x00, 0x00, 0x00));
    }

    @Test void integersTakeTheNarrowestWidthAndLongStringsTheirLength() {
        assertThat(VariantBinary.encode("300").value()).isEqualTo(bytes(0x10, 0x2C, 0x01));
        assertThat(VariantBinary.encode("null").value()).isEqualTo(bytes(0x00));
        String text = "y".repeat(64);
        byte[] v = VariantBinary.encode("\"" + text + "\"").value();
        assertThat(v).startsWith(bytes(0x40, 64, 0, 0, 0));
        assertThat(v).hasSize(5 + 64);
    }

    @Test void keysAreSharedAcrossNestedObjects() {
        VariantBinary.Encoded e = VariantBinary.encode("{\"b\":{\"a\":1},\"a\":2}");
        // keys in order of first appearance over the sorted objects: a (top), b
        assertThat(e.metadata()).isEqualTo(bytes(0x01, 0x02, 0x00, 0x01, 0x02, 'a', 'b'));
    }
}
