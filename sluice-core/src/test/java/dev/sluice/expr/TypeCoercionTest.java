package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.sluice.expr.Arithmetic.Op.ADD;
import static dev.sluice.expr.Arithmetic.Op.DIVIDE;
import static dev.sluice.expr.Arithmetic.Op.MULTIPLY;
import static dev.sluice.expr.Arithmetic.Op.REMAINDER;
import static dev.sluice.expr.Arithmetic.Op.SUBTRACT;
import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.BOOLEAN;
import static dev.sluice.types.DataTypes.DATE;
import static dev.sluice.types.DataTypes.DOUBLE;
import static dev.sluice.types.DataTypes.FLOAT;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.NULL;
import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.TIMESTAMP;
import static dev.sluice.types.DataTypes.array;
import static dev.sluice.types.DataTypes.decimal;
import static dev.sluice.types.DataTypes.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Type coercion against the Spark 4.1.1 oracle (typeof results in notes/spark-oracle.md §4, §5 and the exprfn extras). */
class TypeCoercionTest {

    private static DataType result(Arithmetic.Op op, DataType l, DataType r) {
        return TypeCoercion.arithmetic(op, l, r).orElseThrow().result();
    }

    private static DataType result(Arithmetic.Op op, Expression l, Expression r) {
        return TypeCoercion.arithmetic(op, l, r).orElseThrow().result();
    }

    private static Expression column(DataType t) { return new BoundColumn(0, "c", t, true); }

    private static DataType common(DataType... types) { return TypeCoercion.commonType(List.of(types)).orElseThrow(); }

    @Test void integralArithmeticWidens() {
        assertThat(result(ADD, INT, LONG)).isEqualTo(LONG);
        assertThat(result(ADD, INT, INT)).isEqualTo(INT);
        assertThat(result(REMAINDER, INT, INT)).isEqualTo(INT);
        assertThat(result(REMAINDER, LONG, INT)).isEqualTo(LONG);
        assertThat(result(MULTIPLY, INT, DOUBLE)).isEqualTo(DOUBLE);
        assertThat(result(MULTIPLY, LONG, FLOAT)).isEqualTo(DOUBLE);
        assertThat(result(ADD, INT, FLOAT)).isEqualTo(DOUBLE);
        assertThat(result(ADD, FLOAT, FLOAT)).isEqualTo(FLOAT);
        assertThat(result(REMAINDER, INT, FLOAT)).isEqualTo(DOUBLE);
        assertThat(result(ADD, INT, NULL)).isEqualTo(INT);
        assertThat(result(ADD, NULL, NULL)).isEqualTo(DOUBLE);
    }

    @Test void divisionOfNonDecimalsIsDouble() {
        assertThat(TypeCoercion.arithmetic(DIVIDE, INT, INT)).contains(new TypeCoercion.ArithmeticTypes(DOUBLE, DOUBLE, DOUBLE));
        assertThat(result(DIVIDE, LONG, LONG)).isEqualTo(DOUBLE);
        assertThat(result(DIVIDE, FLOAT, FLOAT)).isEqualTo(DOUBLE);
    }

    @Test void decimalArithmeticFollowsSparksPrecisionRules() {
        assertThat(result(ADD, decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(12, 3));
        assertThat(result(SUBTRACT, decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(12, 3));
        assertThat(result(MULTIPLY, decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(16, 5));
        assertThat(result(DIVIDE, decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(19, 8));
        assertThat(result(DIVIDE, decimal(10, 2), decimal(10, 2))).isEqualTo(decimal(23, 13));
        assertThat(result(MULTIPLY, decimal(38, 10), decimal(38, 10))).isEqualTo(decimal(38, 6));
        assertThat(result(DIVIDE, decimal(38, 10), decimal(38, 10))).isEqualTo(decimal(38, 6));
        assertThat(result(REMAINDER, decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(5, 3));
        assertThat(result(ADD, decimal(2, 1), DOUBLE)).isEqualTo(DOUBLE);
        assertThat(result(ADD, decimal(10, 2), FLOAT)).isEqualTo(DOUBLE);
        assertThat(result(MULTIPLY, decimal(10, 2), DOUBLE)).isEqualTo(DOUBLE);
    }

    @Test void integerColumnsMeetDecimalsAsFullWidthDecimals() {
        TypeCoercion.ArithmeticTypes t = TypeCoercion.arithmetic(ADD, INT, decimal(10, 2)).orElseThrow();
        assertThat(t.left()).isEqualTo(decimal(10, 0));
        assertThat(t.result()).isEqualTo(decimal(13, 2));
        assertThat(result(ADD, LONG, decimal(10, 2))).isEqualTo(decimal(23, 2));
        assertThat(result(ADD, column(INT), column(decimal(2, 1)))).isEqualTo(decimal(12, 1));
    }

    @Test void integerLiteralsMeetDecimalsWithTheirDigitsOnly() {
        assertThat(result(ADD, Literal.of(3), Literal.of(new java.math.BigDecimal("1.5")))).isEqualTo(decimal(3, 1));
        assertThat(result(ADD, Literal.of(1), column(decimal(10, 2)))).isEqualTo(decimal(11, 2));
        assertThat(result(ADD, Literal.of(1L), column(decimal(10, 2)))).isEqualTo(decimal(11, 2));
        assertThat(result(ADD, Literal.of(-1), column(decimal(10, 2)))).isEqualTo(decimal(11, 2));
        assertThat(result(ADD, Literal.of(1), column(decimal(38, 0)))).isEqualTo(decimal(38, 0));
        assertThat(result(MULTIPLY, Literal.of(123456), column(decimal(3, 1)))).isEqualTo(decimal(10, 1));
        assertThat(result(DIVIDE, Literal.of(1), Literal.of(new java.math.BigDecimal("2.0")))).isEqualTo(decimal(8, 6));
        assertThat(result(DIVIDE, Literal.of(10), Literal.of(new java.math.BigDecimal("3.0")))).isEqualTo(decimal(9, 6));
        assertThat(result(DIVIDE, column(decimal(10, 2)), Literal.of(2))).isEqualTo(decimal(14, 6));
        assertThat(result(DIVIDE, column(decimal(10, 2)), Literal.of(2L))).isEqualTo(decimal(14, 6));
        assertThat(result(REMAINDER, column(decimal(10, 2)), Literal.of(2))).isEqualTo(decimal(3, 2));
    }

    @Test void stringsInArithmeticBecomeBigintOrDouble() {
        assertThat(TypeCoercion.arithmetic(ADD, STRING, INT)).contains(new TypeCoercion.ArithmeticTypes(LONG, LONG, LONG));
        assertThat(result(ADD, INT, STRING)).isEqualTo(LONG);
        assertThat(result(ADD, STRING, DOUBLE)).isEqualTo(DOUBLE);
        assertThat(result(ADD, STRING, decimal(10, 2))).isEqualTo(DOUBLE);
        assertThat(TypeCoercion.arithmetic(ADD, STRING, STRING)).isEmpty();
    }

    @Test void nonNumbersHaveNoArithmetic() {
        assertThat(TypeCoercion.arithmetic(ADD, BOOLEAN, INT)).isEmpty();
        assertThat(TypeCoercion.arithmetic(ADD, array(INT), INT)).isEmpty();
        assertThat(TypeCoercion.arithmetic(MULTIPLY, DATE, INT)).isEmpty();
    }

    @Test void comparisonTypes() {
        assertThat(TypeCoercion.comparisonType(STRING, INT)).contains(LONG);
        assertThat(TypeCoercion.comparisonType(INT, STRING)).contains(LONG);
        assertThat(TypeCoercion.comparisonType(STRING, DOUBLE)).contains(DOUBLE);
        assertThat(TypeCoercion.comparisonType(decimal(2, 1), STRING)).contains(DOUBLE);
        assertThat(TypeCoercion.comparisonType(STRING, BOOLEAN)).contains(BOOLEAN);
        assertThat(TypeCoercion.comparisonType(DATE, STRING)).contains(DATE);
        assertThat(TypeCoercion.comparisonType(STRING, TIMESTAMP)).contains(TIMESTAMP);
        assertThat(TypeCoercion.comparisonType(TIMESTAMP, DATE)).contains(TIMESTAMP);
        assertThat(TypeCoercion.comparisonType(INT, DOUBLE)).contains(DOUBLE);
        assertThat(TypeCoercion.comparisonType(INT, decimal(2, 1))).contains(decimal(11, 1));
        assertThat(TypeCoercion.comparisonType(LONG, DOUBLE)).contains(DOUBLE);
        assertThat(TypeCoercion.comparisonType(STRING, STRING)).contains(STRING);
        assertThat(TypeCoercion.comparisonType(INT, BOOLEAN)).isEmpty();
        assertThat(TypeCoercion.comparisonType(INT, DATE)).isEmpty();
    }

    @Test void branchTypesForCaseWhenAndCoalesce() {
        assertThat(common(INT, STRING)).isEqualTo(LONG);
        assertThat(common(STRING, INT)).isEqualTo(LONG);
        assertThat(common(INT, DOUBLE)).isEqualTo(DOUBLE);
        assertThat(common(INT, LONG)).isEqualTo(LONG);
        assertThat(common(decimal(10, 2), INT)).isEqualTo(decimal(12, 2));
        assertThat(common(decimal(10, 2), LONG)).isEqualTo(decimal(22, 2));
        assertThat(common(DOUBLE, decimal(10, 2))).isEqualTo(DOUBLE);
        assertThat(common(STRING, DATE)).isEqualTo(DATE);
        assertThat(common(decimal(38, 0), decimal(10, 5))).isEqualTo(decimal(38, 0));
        assertThat(common(DATE, TIMESTAMP)).isEqualTo(TIMESTAMP);
        assertThat(common(STRING, decimal(2, 1))).isEqualTo(DOUBLE);
        assertThat(common(STRING, FLOAT)).isEqualTo(DOUBLE);
        assertThat(common(STRING, BOOLEAN)).isEqualTo(BOOLEAN);
        assertThat(common(STRING, BINARY)).isEqualTo(BINARY);
        assertThat(common(INT, FLOAT)).isEqualTo(DOUBLE);
        assertThat(common(LONG, FLOAT)).isEqualTo(DOUBLE);
        assertThat(common(STRING, NULL)).isEqualTo(STRING);
        assertThat(common(NULL, NULL)).isEqualTo(NULL);
        assertThat(common()).isEqualTo(NULL);
        assertThat(TypeCoercion.commonType(List.of(INT, DATE))).isEmpty();
        assertThat(TypeCoercion.commonType(List.of(INT, BOOLEAN))).isEmpty();
    }

    @Test void nestedTypesWidenPartByPart() {
        assertThat(common(array(INT), array(LONG))).isEqualTo(array(LONG));
        assertThat(common(array(INT), array(STRING))).isEqualTo(array(LONG));
        assertThat(common(map(STRING, INT), map(STRING, LONG))).isEqualTo(map(STRING, LONG));
        StructType a = StructType.fromDDL("a INT");
        StructType upperA = StructType.fromDDL("A BIGINT");
        assertThat(common(a, upperA)).isEqualTo(StructType.fromDDL("a BIGINT"));
        assertThat(TypeCoercion.commonType(List.of(a, StructType.fromDDL("b BIGINT")))).isEqualTo(Optional.empty());
        assertThat(TypeCoercion.commonType(List.of(a, StructType.fromDDL("a INT, b INT")))).isEmpty();
    }

    @Test void implicitCasts() {
        assertThat(TypeCoercion.canImplicitCast(STRING, INT)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(STRING, DATE)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(INT, STRING)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(LONG, INT)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(INT, decimal(5, 2))).isTrue();
        assertThat(TypeCoercion.canImplicitCast(DATE, TIMESTAMP)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(TIMESTAMP, DATE)).isTrue();
        assertThat(TypeCoercion.canImplicitCast(NULL, array(INT))).isTrue();
        assertThat(TypeCoercion.canImplicitCast(array(INT), array(LONG))).isTrue();
        assertThat(TypeCoercion.canImplicitCast(INT, BOOLEAN)).isFalse();
        assertThat(TypeCoercion.canImplicitCast(BOOLEAN, INT)).isFalse();
        assertThat(TypeCoercion.canImplicitCast(DATE, INT)).isFalse();
        assertThat(TypeCoercion.canImplicitCast(STRING, array(INT))).isFalse();
        assertThat(TypeCoercion.canImplicitCast(array(INT), STRING)).isFalse();
        assertThat(TypeCoercion.canImplicitCast(BINARY, INT)).isFalse();
    }

    @Test void widerDecimalKeepsIntegralDigitsFirst() {
        assertThat(TypeCoercion.widerDecimalType(decimal(38, 0), decimal(10, 5))).isEqualTo(decimal(38, 0));
        assertThat(TypeCoercion.widerDecimalType(decimal(30, 0), decimal(20, 15))).isEqualTo(decimal(38, 8));
        assertThat(TypeCoercion.widerDecimalType(decimal(10, 2), decimal(5, 3))).isEqualTo(decimal(11, 3));
    }
}
