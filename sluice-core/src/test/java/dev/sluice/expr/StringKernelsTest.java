package dev.sluice.expr;

import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.sluice.expr.StringFunction.Kind.CONCAT;
import static dev.sluice.expr.StringFunction.Kind.LENGTH;
import static dev.sluice.expr.StringFunction.Kind.LOWER;
import static dev.sluice.expr.StringFunction.Kind.LTRIM;
import static dev.sluice.expr.StringFunction.Kind.RTRIM;
import static dev.sluice.expr.StringFunction.Kind.SUBSTRING;
import static dev.sluice.expr.StringFunction.Kind.TRIM;
import static dev.sluice.expr.StringFunction.Kind.UPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** String functions against the Spark 4.1.1 oracle (notes/spark-oracle.md §5 and the exprfn extras). */
class StringKernelsTest {

    private static ColumnVector strings(String... values) { return Vectors.of(DataTypes.STRING, Arrays.asList(values)); }

    private static Object one(StringFunction.Kind kind, String value) {
        return StringKernels.evaluate(kind, new ColumnVector[] {strings(value)}, 1).getObject(0);
    }

    private static Object substring(String s, int pos, int len) {
        ColumnVector[] args = {strings(s), ConstantVector.of(DataTypes.INT, pos, 1), ConstantVector.of(DataTypes.INT, len, 1)};
        return StringKernels.evaluate(SUBSTRING, args, 1).getObject(0);
    }

    @Test void lowerAndUpperHandleAsciiAndUnicode() {
        assertThat(one(LOWER, "Hello")).isEqualTo("hello");
        assertThat(one(UPPER, "héllo")).isEqualTo("HÉLLO");
        assertThat(one(UPPER, "a😀b")).isEqualTo("A😀B");
        assertThat(one(UPPER, "ß")).isEqualTo("SS");
        assertThat(one(LOWER, "İ")).isEqualTo("i̇");
        assertThat(one(UPPER, "ǆ")).isEqualTo("Ǆ");
        assertThat(one(LOWER, "ΑΣ")).isEqualTo("ας");
        assertThat(one(LOWER, null)).isNull();
        assertThat(one(UPPER, null)).isNull();
    }

    @Test void lengthCountsCodePoints() {
        assertThat(one(LENGTH, "héllo")).isEqualTo(5);
        assertThat(one(LENGTH, "a😀b")).isEqualTo(3);
        assertThat(one(LENGTH, " a ")).isEqualTo(3);
        assertThat(one(LENGTH, "")).isEqualTo(0);
        assertThat(one(LENGTH, null)).isNull();
        ColumnVector lowerDottedI = StringKernels.evaluate(LOWER, new ColumnVector[] {strings("İ")}, 1);
        assertThat(StringKernels.evaluate(LENGTH, new ColumnVector[] {lowerDottedI}, 1).getObject(0)).isEqualTo(2);
    }

    @Test void lengthOfInvalidUtf8CountsLeadBytesAsSpark() {
        ColumnVector bytes = Vectors.of(DataTypes.STRING, List.of(new byte[] {(byte) 0xC3}));
        assertThat(StringKernels.evaluate(LENGTH, new ColumnVector[] {bytes}, 1).getObject(0)).isEqualTo(1);
    }

    @Test void substringPositionsAreOneBasedZeroAndNegativeAsSpark() {
        assertThat(substring("hello", 0, 2)).isEqualTo("he");
        assertThat(substring("hello", 1, 2)).isEqualTo("he");
        assertThat(substring("hello", -3, 2)).isEqualTo("ll");
        assertThat(substring("hello", 2, 100)).isEqualTo("ello");
        assertThat(substring("hello", 10, 2)).isEqualTo("");
        assertThat(substring("hello", -10, 2)).isEqualTo("");
        assertThat(substring("hello", -10, 8)).isEqualTo("hel");
        assertThat(substring("hello", 2, 0)).isEqualTo("");
        assertThat(substring("hello", 2, -1)).isEqualTo("");
        assertThat(substring("hello", 2, Integer.MAX_VALUE)).isEqualTo("ello");
        assertThat(substring("hello", -3, Integer.MAX_VALUE)).isEqualTo("llo");
        assertThat(substring("hello", 0, Integer.MAX_VALUE)).isEqualTo("hello");
        assertThat(substring("hello", Integer.MIN_VALUE, Integer.MAX_VALUE)).isEqualTo("hell");   // start = 5 + MIN, end = start + MAX = 4
        assertThat(substring("a😀b", 2, 1)).isEqualTo("😀");
        assertThat(substring("a😀b", -2, 1)).isEqualTo("😀");
        assertThat(substring("héllo", 2, 3)).isEqualTo("éll");
        assertThat(substring(null, 1, 2)).isNull();
    }

    @Test void substringIsNullWhenAPositionIsNull() {
        ColumnVector[] args = {strings("hello"), ConstantVector.of(DataTypes.INT, null, 1), ConstantVector.of(DataTypes.INT, 2, 1)};
        assertThat(StringKernels.evaluate(SUBSTRING, args, 1).getObject(0)).isNull();
    }

    @Test void concatIsNullWhenAnyArgumentIsNull() {
        ColumnVector a = strings("Hello", "Hello", null);
        ColumnVector b = strings("!", null, "x");
        ColumnVector out = StringKernels.evaluate(CONCAT, new ColumnVector[] {a, b}, 3);
        assertThat(out.getObject(0)).isEqualTo("Hello!");
        assertThat(out.isNull(1)).isTrue();
        assertThat(out.isNull(2)).isTrue();
        assertThat(StringKernels.evaluate(CONCAT, new ColumnVector[0], 2).getObject(1)).isEqualTo("");
        assertThat(StringKernels.evaluate(CONCAT, new ColumnVector[] {strings("é"), strings("😀")}, 1).getObject(0)).isEqualTo("é😀");
    }

    @Test void trimsRemoveOnlyTheSpaceCharacter() {
        assertThat(one(TRIM, "  a b  ")).isEqualTo("a b");
        assertThat(one(LTRIM, "  a b  ")).isEqualTo("a b  ");
        assertThat(one(RTRIM, "  a b  ")).isEqualTo("  a b");
        assertThat(one(TRIM, "\ta\n")).isEqualTo("\ta\n");
        assertThat(one(TRIM, " \u3000a ")).isEqualTo("\u3000a");
        assertThat(one(RTRIM, "a  ")).isEqualTo("a");
        assertThat(one(TRIM, "   ")).isEqualTo("");
        assertThat(one(TRIM, null)).isNull();
    }

    @Test void kernelsReadSelectedAndConstantInputs() {
        ColumnVector base = strings("AbC", "dEf", "GhI");
        ColumnVector picked = base.select(new int[] {2, 0}, 2);
        ColumnVector out = StringKernels.evaluate(LOWER, new ColumnVector[] {picked}, 2);
        assertThat(out.getObject(0)).isEqualTo("ghi");
        assertThat(out.getObject(1)).isEqualTo("abc");
        ColumnVector constant = ConstantVector.of(DataTypes.STRING, "xY", 3);
        assertThat(StringKernels.evaluate(UPPER, new ColumnVector[] {constant}, 3).getObject(2)).isEqualTo("XY");
    }
}
