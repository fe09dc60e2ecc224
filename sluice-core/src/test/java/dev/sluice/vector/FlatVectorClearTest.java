package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cleared vector (a reused spill buffer) filled again holds exactly the new values: no stale nulls or bytes. */
class FlatVectorClearTest {
    private static final StructType SCHEMA = StructType.fromDDL(
            "i INT, l BIGINT, d DOUBLE, s STRING, m DECIMAL(10,2), st STRUCT<a: INT, b: STRING>, arr ARRAY<STRING>, mp MAP<STRING, INT>");

    private static List<Object> values(int seed, boolean withNulls) {
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < SCHEMA.size(); f++) {
            boolean isNull = withNulls && (seed + f) % 2 == 0;
            out.add(isNull ? null : value(SCHEMA.field(f).dataType(), seed));
        }
        return out;
    }

    private static Object value(DataType type, int seed) {
        return switch (type.simpleString()) {
            case "int" -> seed;
            case "bigint" -> (long) seed * 1_000_000_007L;
            case "double" -> seed / 4.0;
            case "string" -> "value-" + seed + "-".repeat(seed % 7);
            case "decimal(10,2)" -> new BigDecimal(seed).movePointLeft(2);
            case "array<string>" -> Arrays.asList("x" + seed, null, "y");
            case "map<string,int>" -> java.util.Map.of("k" + seed, seed);
            default -> Row.of((StructType) type, seed, "b" + seed);
        };
    }

    @Test void aClearedVectorRefilledEqualsAFreshOne() {
        for (int f = 0; f < SCHEMA.size(); f++) {
            DataType type = SCHEMA.field(f).dataType();
            FlatVector reused = Vectors.allocate(type, 4);
            for (int r = 0; r < 50; r++) reused.appendObject(values(r, true).get(f));   // nulls and long values first
            reused.clear();
            assertThat(reused.size()).isZero();
            assertThat(reused.mayHaveNulls()).isFalse();
            FlatVector fresh = Vectors.allocate(type, 4);
            for (int r = 100; r < 130; r++) {
                Object v = values(r, false).get(f);
                reused.appendObject(v);
                fresh.appendObject(v);
            }
            assertThat(reused.size()).isEqualTo(30);
            for (int r = 0; r < 30; r++) {
                assertThat(reused.isNull(r)).as("%s row %d", type, r).isFalse();
                assertThat(reused.getObject(r)).as("%s row %d", type, r).isEqualTo(fresh.getObject(r));
            }
        }
    }
}
