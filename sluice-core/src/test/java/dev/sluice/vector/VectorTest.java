package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VectorTest {
    private static final StructType NESTED = (StructType) DdlParser.parseType(
            "struct<id:bigint,tags:array<string>,m:map<string,int>,inner:struct<x:double>>");

    private static List<Object> values(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(v.getObject(i));
        return out;
    }

    @Test void roundTripsNestedValuesThroughFlatVectors() {
        StructType inner = (StructType) NESTED.field(3).dataType();
        List<Object> input = Arrays.asList(
                Row.of(NESTED, 1L, List.of("a", "b"), Map.of("k", 1), Row.of(inner, 1.5)),
                null,
                Row.of(NESTED, null, Arrays.asList("c", null), null, null),
                Row.of(NESTED, 4L, List.of(), Map.of(), Row.of(inner, (Object) null)));
        FlatVector v = Vectors.of(NESTED, input);
        assertThat(values(v)).isEqualTo(input);
        assertThat(values(Vectors.copy(v))).isEqualTo(input);
    }

    @Test void aNullStructHasNullChildren() {
        FlatVector v = Vectors.of(NESTED, Arrays.asList(null, Row.of(NESTED, 2L, null, null, null)));
        assertThat(v.child(0).isNull(0)).isTrue();
        assertThat(v.child(0).getLong(1)).isEqualTo(2L);
    }

    @Test void selectionsAndSlicesAreViewsThatCompose() {
        FlatVector v = Vectors.of(DataType_LONG(), List.of(0L, 1L, 2L, 3L, 4L, 5L));
        ColumnVector selected = v.select(new int[] {1, 3, 5}, 3);
        assertThat(selected.encoding()).isEqualTo(Encoding.DICTIONARY);
        assertThat(values(selected)).containsExactly(1L, 3L, 5L);
        assertThat(values(selected.select(new int[] {2, 0}, 2))).containsExactly(5L, 1L);
        assertThat(values(v.slice(2, 3))).containsExactly(2L, 3L, 4L);
        assertThat(values(v.slice(2, 3).slice(1, 2))).containsExactly(3L, 4L);
    }

    @Test void selectingAStructSelectsItsChildren() {
        FlatVector v = Vectors.of(NESTED, List.of(Row.of(NESTED, 1L, null, null, null), Row.of(NESTED, 2L, null, null, null)));
        assertThat(v.select(new int[] {1}, 1).child(0).getLong(0)).isEqualTo(2L);
    }

    @Test void constantsRepeatOneValue() {
        ConstantVector c = ConstantVector.of(NESTED.field(1).dataType(), List.of("x"), 3);
        assertThat(values(c)).containsExactly(List.of("x"), List.of("x"), List.of("x"));
        assertThat(ConstantVector.of(NESTED, null, 2).child(0).isNull(1)).isTrue();
    }

    @Test void stringsCompareByUtf8Bytes() {
        FlatVector v = Vectors.of(dev.sluice.types.DataTypes.STRING, List.of("a", "é", "b"));
        assertThat(v.compareBytes(0, v, 2)).isNegative();
        assertThat(v.compareBytes(1, v, 2)).isPositive();   // U+00E9 sorts after ASCII, as in Spark
    }

    private static DataType DataType_LONG() { return dev.sluice.types.DataTypes.LONG; }
}
