package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A trimmed vector (an exchange bucket's batch) holds the same values without the spare capacity of appending. */
class FlatVectorTrimTest {
    private static final StructType SCHEMA = StructType.fromDDL(
            "i INT, l BIGINT, d DOUBLE, s STRING, m DECIMAL(10,2), st STRUCT<a: INT, b: STRING>, arr ARRAY<STRING>, mp MAP<STRING, INT>");

    private static Object value(DataType type, int seed) {
        if (seed % 5 == 0) return null;
        return switch (type.simpleString()) {
            case "int" -> seed;
            case "bigint" -> (long) seed * 1_000_000_007L;
            case "double" -> seed / 4.0;
            case "string" -> "value-" + seed + "-".repeat(seed % 7);
            case "decimal(10,2)" -> new java.math.BigDecimal(seed).movePointLeft(2);
            case "array<string>" -> Arrays.asList("x" + seed, null, "y");
            case "map<string,int>" -> java.util.Map.of("k" + seed, seed);
            default -> Row.of((StructType) type, seed, "b" + seed);
        };
    }

    @Test void trimmedVectorsKeepTheirValuesAndCanGrowAgain() {
        for (int f = 0; f < SCHEMA.size(); f++) {
            DataType type = SCHEMA.field(f).dataType();
            FlatVector v = Vectors.allocate(type, 4);
            for (int r = 0; r < 1000; r++) v.appendObject(value(type, r));
            v.trimToSize();
            for (int r = 0; r < 1000; r++) assertThat(v.getObject(r)).as(type + " row " + r).isEqualTo(value(type, r));
            for (int r = 1000; r < 1100; r++) v.appendObject(value(type, r));   // still writable
            for (int r = 0; r < 1100; r++) assertThat(v.getObject(r)).as(type + " row " + r).isEqualTo(value(type, r));
        }
    }

    @Test void stringBytesAreCutToWhatTheyHold() {
        BytesVector v = (BytesVector) Vectors.allocate(dev.sluice.types.DataTypes.STRING, 64);
        for (int r = 0; r < 4096; r++) v.append("0123456789abcdef0123456789abcdef-" + r % 10);   // 34 bytes each
        assertThat(v.buffer().length).isGreaterThan(v.writePosition() * 3 / 2);   // doubled on the way
        v.trimToSize();
        assertThat(v.buffer().length).isEqualTo(v.writePosition());
        assertThat(v.getObject(4095)).isEqualTo("0123456789abcdef0123456789abcdef-5");
    }

    @Test void allocateLikeSizesStringsFromTheSample() {
        BytesVector sample = (BytesVector) Vectors.allocate(dev.sluice.types.DataTypes.STRING, 16);
        for (int r = 0; r < 100; r++) sample.append("x".repeat(40));
        BytesVector sized = (BytesVector) Vectors.allocateLike(sample, 100, 10_000);
        int before = sized.buffer().length;
        assertThat(before).isGreaterThanOrEqualTo(400_000);
        for (int r = 0; r < 10_000; r++) sized.append("y".repeat(40));
        assertThat(sized.buffer().length).isEqualTo(before);   // never grew
    }
}
