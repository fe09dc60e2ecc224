package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** concat and listagg over binaries join the bytes and give a binary (Spark's), not text. */
class BinaryConcatTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(1).build();

    @AfterAll static void close() { SLUICE.close(); }

    @Test void concatOfBinariesIsBinary() {
        var df = SLUICE.sql("SELECT concat(X'616263', X'646566') AS c, concat('a', 'b') AS s");
        assertThat(df.schema().field(0).dataType()).isEqualTo(DataTypes.BINARY);
        assertThat((byte[]) df.collect().get(0).get(0)).containsExactly('a', 'b', 'c', 'd', 'e', 'f');
        assertThat(df.collect().get(0).get(1)).isEqualTo("ab");
    }

    @Test void listaggOfBinariesJoinsTheBytes() {
        var df = SLUICE.sql("SELECT listagg(b, X'42') FROM VALUES (X'01'), (X'02'), (CAST(NULL AS BINARY)), (X'03') t(b)");
        assertThat((byte[]) df.collect().get(0).get(0)).containsExactly(1, 0x42, 2, 0x42, 3);
    }
}
