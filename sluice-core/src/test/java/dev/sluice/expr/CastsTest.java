package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Encoding;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.BOOLEAN;
import static dev.sluice.types.DataTypes.DATE;
import static dev.sluice.types.DataTypes.DOUBLE;
import static dev.sluice.types.DataTypes.FLOAT;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.TIMESTAMP;
import static dev.sluice.types.DataTypes.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Casts against the Spark 4.1.1 oracle (notes/spark-oracle.md §3 and the exprfn extras), ANSI unless named. */
class CastsTest {

    private static Object cast(Object value, DataType from, DataType to, EvalMode mode) {
        ColumnVector in = Vectors.of(from, Arrays.asList(value));
        return Casts.cast(in, to, mode).getObject(0);
    }

    private static Object ansi(Object value, DataType from, DataType to) { return cast(value, from, to, EvalMode.ANSI); }

    private static Object tryCast(Object value, DataType from, DataType to) { return cast(value, from, to, EvalMode.TRY); }

    private static Object legacy(Object value, DataType from, DataType to) { return cast(value, from, to, EvalMode.LEGACY); }

    private static String str(Object value, DataType from) { return (String) ansi(value, from, STRING); }

    private static ErrorCode ansiError(Object value, DataType from, DataType to) {
        try {
            ansi(value, from, to);
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error casting " + value + " to " + to);
    }

    private static Instant ts(String iso) { return Instant.parse(iso); }

    @Test void stringToIntTrimsAndTakesASignOnly() {
        assertThat(ansi("12", STRING, INT)).isEqualTo(12);
        assertThat(ansi(" 12 ", STRING, INT)).isEqualTo(12);
        assertThat(ansi("\t12\n", STRING, INT)).isEqualTo(12);
        assertThat(ansi("+12", STRING, INT)).isEqualTo(12);
        assertThat(ansi("-0", STRING, INT)).isEqualTo(0);
        assertThat(ansi("-2147483648", STRING, INT)).isEqualTo(Integer.MIN_VALUE);
        assertThat(ansi("9223372036854775807", STRING, LONG)).isEqualTo(Long.MAX_VALUE);
        assertThat(ansi(" \t1\n", STRING, LONG)).isEqualTo(1L);
        assertThat(ansi(null, STRING, INT)).isNull();
    }

    @Test void malformedOrOutOfRangeStringIsInvalidInputNotOverflow() {
        for (String bad : List.of("1.5", "1.0", "1e2", "abc", "2147483648", "", "0x10", "1_000")) {
            assertThat(ansiError(bad, STRING, INT)).as(bad).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
            assertThat(tryCast(bad, STRING, INT)).as(bad).isNull();
        }
        assertThat(ansiError("9223372036854775808", STRING, LONG)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(ansiError("1.9", STRING, LONG)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(tryCast("9223372036854775808", STRING, LONG)).isNull();
    }

    @Test void invalidInputErrorCarriesValueAndTypes() {
        assertThatThrownBy(() -> ansi("abc", STRING, INT)).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
            assertThat(e.fact("value")).isEqualTo("'abc'");
            assertThat(e.fact("from")).isEqualTo("STRING");
            assertThat(e.fact("to")).isEqualTo("INT");
        });
    }

    @Test void legacyStringToIntTruncatesAFraction() {
        assertThat(legacy("1.5", STRING, INT)).isEqualTo(1);
        assertThat(legacy(" 1.9 ", STRING, INT)).isEqualTo(1);
        assertThat(legacy(".5", STRING, INT)).isEqualTo(0);
        assertThat(legacy("1.", STRING, INT)).isEqualTo(1);
        assertThat(legacy("1.x", STRING, INT)).isNull();
        assertThat(legacy("-", STRING, INT)).isNull();
        assertThat(legacy("2147483648", STRING, INT)).isNull();
        assertThat(legacy("abc", STRING, INT)).isNull();
    }

    @Test void stringToDoubleAcceptsJavaSyntaxAndSpecialSpellings() {
        assertThat(ansi("1e3", STRING, DOUBLE)).isEqualTo(1000.0);
        assertThat((Double) ansi("NaN", STRING, DOUBLE)).isNaN();
        assertThat((Double) ansi("nan", STRING, DOUBLE)).isNaN();
        assertThat((Double) ansi("-NaN", STRING, DOUBLE)).isNaN();
        assertThat(ansi("inf", STRING, DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ansi("Infinity", STRING, DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ansi("-infinity", STRING, DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ansi("+inf", STRING, DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ansi("-Inf", STRING, DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ansi(" 1.5 ", STRING, DOUBLE)).isEqualTo(1.5);
        assertThat(ansi("1.5d", STRING, DOUBLE)).isEqualTo(1.5);
        assertThat(ansi("1.5f", STRING, DOUBLE)).isEqualTo(1.5);
        assertThat(ansi("1e400", STRING, DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ansi(".5", STRING, DOUBLE)).isEqualTo(0.5);
        assertThat(ansi("5.", STRING, DOUBLE)).isEqualTo(5.0);
        assertThat(ansi("0x1p3", STRING, DOUBLE)).isEqualTo(8.0);
        assertThat(ansi("0.1", STRING, FLOAT)).isEqualTo(0.1f);
        assertThat(ansiError("abc", STRING, DOUBLE)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(ansiError("", STRING, DOUBLE)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(ansiError("1,5", STRING, DOUBLE)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(tryCast("abc", STRING, DOUBLE)).isNull();
        assertThat(legacy("abc", STRING, DOUBLE)).isNull();
    }

    @Test void doubleToIntTruncatesAndOverflows() {
        assertThat(ansi(1.9, DOUBLE, INT)).isEqualTo(1);
        assertThat(ansi(-1.9, DOUBLE, INT)).isEqualTo(-1);
        assertThat(ansi(2147483647.5, DOUBLE, INT)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ansi(3e10, DOUBLE, LONG)).isEqualTo(30000000000L);
        assertThat(ansi(9.223372036854775807E18, DOUBLE, LONG)).isEqualTo(Long.MAX_VALUE);
        assertThat(ansi(1.9f, FLOAT, INT)).isEqualTo(1);
        for (double bad : new double[] {3e10, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(ansiError(bad, DOUBLE, INT)).isEqualTo(ErrorCode.CAST_OVERFLOW);
            assertThat(tryCast(bad, DOUBLE, INT)).isNull();
        }
        assertThat(ansiError(1e20, DOUBLE, LONG)).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(ansiError(9.3e18, DOUBLE, LONG)).isEqualTo(ErrorCode.CAST_OVERFLOW);
    }

    @Test void overflowErrorWritesTheValueAsASqlLiteral() {
        assertThatThrownBy(() -> ansi(3e10, DOUBLE, INT)).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.fact("value")).isEqualTo("3.0E10D"));
        assertThatThrownBy(() -> ansi(Double.NaN, DOUBLE, INT)).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.fact("value")).isEqualTo("NaN"));
        assertThatThrownBy(() -> ansi(2147483648L, LONG, INT)).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.fact("value")).isEqualTo("2147483648L"));
        assertThatThrownBy(() -> ansi(new BigDecimal("12345678901.5"), decimal(12, 1), INT)).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.fact("value")).isEqualTo("12345678901.5BD");
            assertThat(e.fact("from")).isEqualTo("DECIMAL(12,1)");
        });
    }

    @Test void legacyNarrowingWrapsOrSaturates() {
        assertThat(legacy(3e10, DOUBLE, INT)).isEqualTo(Integer.MAX_VALUE);
        assertThat(legacy(-3e10, DOUBLE, INT)).isEqualTo(Integer.MIN_VALUE);
        assertThat(legacy(Double.NaN, DOUBLE, INT)).isEqualTo(0);
        assertThat(legacy(2147483648L, LONG, INT)).isEqualTo(Integer.MIN_VALUE);
        assertThat(legacy(new BigDecimal("12345678901.5"), decimal(12, 1), INT)).isEqualTo(-539222987);
        assertThat(legacy(1e20, DOUBLE, LONG)).isEqualTo(Long.MAX_VALUE);
        assertThat(legacy(new BigDecimal("12345678901234567890123"), decimal(23, 0), LONG)).isEqualTo(4807115922877859019L);
    }

    @Test void longToIntOverflow() {
        assertThat(ansiError(2147483648L, LONG, INT)).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(ansiError(-2147483649L, LONG, INT)).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(tryCast(2147483648L, LONG, INT)).isNull();
        assertThat(ansi(2147483647L, LONG, INT)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ansiError(new BigDecimal("12345678901234567890"), decimal(20, 0), LONG)).isEqualTo(ErrorCode.CAST_OVERFLOW);
    }

    @Test void numbersToStringAsSparkPrintsThem() {
        assertThat(str(123, INT)).isEqualTo("123");
        assertThat(str(-5L, LONG)).isEqualTo("-5");
        assertThat(str(1.0, DOUBLE)).isEqualTo("1.0");
        assertThat(str(1e10, DOUBLE)).isEqualTo("1.0E10");
        assertThat(str(1e7, DOUBLE)).isEqualTo("1.0E7");
        assertThat(str(1234567.0, DOUBLE)).isEqualTo("1234567.0");
        assertThat(str(1e6, DOUBLE)).isEqualTo("1000000.0");
        assertThat(str(0.001, DOUBLE)).isEqualTo("0.001");
        assertThat(str(1.0E-5, DOUBLE)).isEqualTo("1.0E-5");
        assertThat(str(1.0E-4, DOUBLE)).isEqualTo("1.0E-4");
        assertThat(str(0.1 + 0.2, DOUBLE)).isEqualTo("0.30000000000000004");
        assertThat(str(-0.0, DOUBLE)).isEqualTo("-0.0");
        assertThat(str(Double.NaN, DOUBLE)).isEqualTo("NaN");
        assertThat(str(Double.NEGATIVE_INFINITY, DOUBLE)).isEqualTo("-Infinity");
        assertThat(str(123456789012345678d, DOUBLE)).isEqualTo("1.2345678901234568E17");
        assertThat(str(1.0f, FLOAT)).isEqualTo("1.0");
        assertThat(str(0.1f, FLOAT)).isEqualTo("0.1");
        assertThat(str(1e10f, FLOAT)).isEqualTo("1.0E10");
        assertThat(str(true, BOOLEAN)).isEqualTo("true");
        assertThat(ansi(0.1f, FLOAT, DOUBLE)).isEqualTo(0.10000000149011612);
        assertThat(ansi(1.5f, FLOAT, DOUBLE)).isEqualTo(1.5);
    }

    @Test void decimalsToStringArePlainUnderAnsiAndJavaStyleInLegacy() {
        assertThat(str(new BigDecimal("1.50"), decimal(3, 2))).isEqualTo("1.50");
        assertThat(str(new BigDecimal("1.00"), decimal(10, 2))).isEqualTo("1.00");
        assertThat(str(new BigDecimal("0.00000001"), decimal(8, 8))).isEqualTo("0.00000001");
        assertThat(str(new BigDecimal("0E-8"), decimal(10, 8))).isEqualTo("0.00000000");
        assertThat(str(new BigDecimal("1000"), decimal(4, 0))).isEqualTo("1000");
        assertThat(legacy(new BigDecimal("0.00000001"), decimal(8, 8), STRING)).isEqualTo("1E-8");
        assertThat(legacy(new BigDecimal("0E-8"), decimal(10, 8), STRING)).isEqualTo("0E-8");
        assertThat(legacy(List.of(new BigDecimal("0.00000001")), DataTypes.array(decimal(8, 8)), STRING)).isEqualTo("[1E-8]");
        assertThat(str(List.of(new BigDecimal("0.00000001")), DataTypes.array(decimal(8, 8)))).isEqualTo("[0.00000001]");
    }

    @Test void binaryDateAndNestedToString() {
        assertThat(ansi(new byte[] {0x41, (byte) 0xFF}, BINARY, STRING)).isEqualTo("A\uFFFD");
        assertThat(str(new byte[0], BINARY)).isEqualTo("");
        assertThat(str(LocalDate.of(2026, 10, 1), DATE)).isEqualTo("2026-10-01");
        assertThat(str(Arrays.asList(1, 2, null), DataTypes.array(INT))).isEqualTo("[1, 2, null]");
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k", 1);
        m.put("z", null);
        assertThat(str(m, DataTypes.map(STRING, INT))).isEqualTo("{k -> 1, z -> null}");
        StructType ab = StructType.fromDDL("a INT, b STRING");
        assertThat(str(Row.of(ab, 1, "x"), ab)).isEqualTo("{1, x}");
        StructType nested = StructType.fromDDL("a INT, b STRING, c ARRAY<STRUCT<d: DOUBLE>>");
        StructType d = StructType.fromDDL("d DOUBLE");
        assertThat(str(Row.of(nested, 1, null, List.of(Row.of(d, 1.5))), nested)).isEqualTo("{1, null, [{1.5}]}");
        assertThat(str(List.of("a", "b"), DataTypes.array(STRING))).isEqualTo("[a, b]");
        assertThat(str(List.of(), DataTypes.array(INT))).isEqualTo("[]");
        StructType sm = StructType.fromDDL("a MAP<STRING, ARRAY<INT>>");
        assertThat(str(Row.of(sm, Map.of("k", List.of(1))), sm)).isEqualTo("{{k -> [1]}}");
        StructType bin = StructType.fromDDL("a BINARY");
        assertThat(str(Row.of(bin, (Object) new byte[] {1}), bin)).isEqualTo("{\u0001}");
        StructType ns = StructType.fromDDL("a STRING");
        assertThat(str(Row.of(ns, (Object) null), ns)).isEqualTo("{null}");
    }

    @Test void stringToBoolean() {
        for (String t : List.of("t", "true", "TRUE", " true ", "yes", "y", "1", "\ttrue\n")) {
            assertThat(ansi(t, STRING, BOOLEAN)).as(t).isEqualTo(true);
        }
        for (String f : List.of("0", "no", "n", "f", "false")) assertThat(ansi(f, STRING, BOOLEAN)).as(f).isEqualTo(false);
        for (String bad : List.of("abc", "", "2")) assertThat(ansiError(bad, STRING, BOOLEAN)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(tryCast("abc", STRING, BOOLEAN)).isNull();
        assertThat(legacy("abc", STRING, BOOLEAN)).isNull();
    }

    @Test void numbersAndBooleans() {
        assertThat(ansi(0, INT, BOOLEAN)).isEqualTo(false);
        assertThat(ansi(1, INT, BOOLEAN)).isEqualTo(true);
        assertThat(ansi(2, INT, BOOLEAN)).isEqualTo(true);
        assertThat(ansi(-1, INT, BOOLEAN)).isEqualTo(true);
        assertThat(ansi(0.0, DOUBLE, BOOLEAN)).isEqualTo(false);
        assertThat(ansi(0.5, DOUBLE, BOOLEAN)).isEqualTo(true);
        assertThat(ansi(Double.NaN, DOUBLE, BOOLEAN)).isEqualTo(true);
        assertThat(ansi(new BigDecimal("1.5"), decimal(2, 1), BOOLEAN)).isEqualTo(true);
        assertThat(ansi(true, BOOLEAN, INT)).isEqualTo(1);
        assertThat(ansi(false, BOOLEAN, DOUBLE)).isEqualTo(0.0);
        assertThat(ansi(true, BOOLEAN, decimal(5, 2))).isEqualTo(new BigDecimal("1.00"));
        assertThat(ansiError(true, BOOLEAN, decimal(1, 1))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    @Test void stringToDateForms() {
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        for (String s : List.of("2026-10-01", "2026-10-01T12:00:00", "2026-10-01 12:00:00", " 2026-10-01 ",
                "2026-10-01Tgarbage", "2026-10-01 xyz", "+2026-10-01")) {
            assertThat(ansi(s, STRING, DATE)).as(s).isEqualTo(oct1);
        }
        assertThat(ansi("2026-1-1", STRING, DATE)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ansi("2026", STRING, DATE)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ansi("2026-10", STRING, DATE)).isEqualTo(oct1);
        assertThat(ansi("10000-01-01", STRING, DATE)).isEqualTo(LocalDate.of(10000, 1, 1));
        for (String bad : List.of("2026-13-01", "2026-02-30", "20261001", "2026/10/01", "abc")) {
            assertThat(ansiError(bad, STRING, DATE)).as(bad).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        }
        assertThat(tryCast("2026-13-01", STRING, DATE)).isNull();
        assertThat(legacy("2026-13-01", STRING, DATE)).isNull();
    }

    @Test void stringToTimestampForms() {
        assertThat(ansi("2026-10-01T00:00:00.123Z", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00.123Z"));
        assertThat(ansi("2026-10-01T00:00:00.123+02:00", STRING, TIMESTAMP)).isEqualTo(ts("2026-09-30T22:00:00.123Z"));
        assertThat(ansi("2026-10-01 00:00:00", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00Z"));
        assertThat(ansi("2026-10-01", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00Z"));
        assertThat(ansi("2026-10", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00Z"));
        assertThat(ansi("2026-10-01T10:11", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T10:11:00Z"));
        assertThat(ansi("2026-10-01 12:00", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T12:00:00Z"));
        assertThat(ansi("2026-10-01 1:2:3", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T01:02:03Z"));
        assertThat(ansi("2026-10-01 12:00:00.", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T12:00:00Z"));
        assertThat(ansi("2026-10-01 00:00:00.123456789", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00.123456Z"));
        assertThat(ansi("2026-10-01 00:00:00 UTC", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00Z"));
        assertThat(ansi("2026-10-01T00:00:00 America/New_York", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T04:00:00Z"));
        assertThat(ansi("2026-10-01 12:00:00+1:00", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T11:00:00Z"));
        assertThat(ansi("2026-10-01T12:00:00.5-0800", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T20:00:00.5Z"));
        assertThat(ansi("2026-10-01 12:00:00 GMT+2", STRING, TIMESTAMP)).isEqualTo(ts("2026-10-01T10:00:00Z"));
        for (String bad : List.of("2026-10-01T25:00:00", "abc", "2026-10-01T10:11Z", "2026-10-01T")) {
            assertThat(ansiError(bad, STRING, TIMESTAMP)).as(bad).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        }
        assertThat(tryCast("abc", STRING, TIMESTAMP)).isNull();
    }

    @Test void stringToTimestampUsesTheSessionZoneWhenTheStringHasNone() {
        ColumnVector in = Vectors.of(STRING, List.of("2026-10-01 00:00:00"));
        ColumnVector out = Casts.cast(in, TIMESTAMP, EvalMode.ANSI, ZoneId.of("America/Los_Angeles"));
        assertThat(out.getObject(0)).isEqualTo(ts("2026-10-01T07:00:00Z"));
    }

    @Test void timestampsAndNumbers() {
        assertThat(ansi(1700000000, INT, TIMESTAMP)).isEqualTo(ts("2023-11-14T22:13:20Z"));
        assertThat(ansi(1700000000.5, DOUBLE, TIMESTAMP)).isEqualTo(ts("2023-11-14T22:13:20.5Z"));
        assertThat(ansi(Long.MAX_VALUE, LONG, TIMESTAMP)).isEqualTo(ts("+294247-01-10T04:00:54.775807Z"));
        assertThat(ansi(ts("2026-10-01T00:00:00Z"), TIMESTAMP, LONG)).isEqualTo(1790812800L);
        assertThat(ansi(ts("1969-12-31T23:59:59.5Z"), TIMESTAMP, LONG)).isEqualTo(-1L);
        assertThat(ansi(ts("2026-10-01T00:00:00.5Z"), TIMESTAMP, DOUBLE)).isEqualTo(1.7908128005E9);
        assertThat(ansi(ts("2026-10-01T00:00:00.5Z"), TIMESTAMP, decimal(20, 3))).isEqualTo(new BigDecimal("1790812800.500"));
        assertThat(ansiError(ts("2100-01-01T00:00:00Z"), TIMESTAMP, INT)).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(legacy(ts("2100-01-01T00:00:00Z"), TIMESTAMP, INT)).isNull();
        assertThat(ansiError(1e20, DOUBLE, TIMESTAMP)).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(ansiError(Double.NaN, DOUBLE, TIMESTAMP)).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(legacy(Double.NaN, DOUBLE, TIMESTAMP)).isNull();
        assertThat(legacy(1e20, DOUBLE, TIMESTAMP)).isEqualTo(ts("+294247-01-10T04:00:54.775807Z"));
    }

    @Test void datesAndTimestamps() {
        assertThat(ansi(LocalDate.of(2026, 10, 1), DATE, TIMESTAMP)).isEqualTo(ts("2026-10-01T00:00:00Z"));
        assertThat(ansi(ts("2026-10-01T23:59:59Z"), TIMESTAMP, DATE)).isEqualTo(LocalDate.of(2026, 10, 1));
        ColumnVector d = Vectors.of(DATE, List.of(LocalDate.of(2026, 10, 1)));
        assertThat(Casts.cast(d, TIMESTAMP, EvalMode.ANSI, ZoneId.of("Asia/Kolkata")).getObject(0))
                .isEqualTo(ts("2026-09-30T18:30:00Z"));
        ColumnVector t = Vectors.of(TIMESTAMP, List.of(ts("2026-09-30T20:00:00Z")));
        assertThat(Casts.cast(t, DATE, EvalMode.ANSI, ZoneId.of("Asia/Kolkata")).getObject(0)).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test void timestampsToStringInTheSessionZoneWithTrimmedFraction() {
        assertThat(str(ts("2026-10-01T00:00:00Z"), TIMESTAMP)).isEqualTo("2026-10-01 00:00:00");
        assertThat(str(ts("2026-10-01T00:00:00.120Z"), TIMESTAMP)).isEqualTo("2026-10-01 00:00:00.12");
        assertThat(str(ts("2026-10-01T00:00:00.123456Z"), TIMESTAMP)).isEqualTo("2026-10-01 00:00:00.123456");
        assertThat(str(ts("2026-10-01T00:00:00.123Z"), TIMESTAMP)).isEqualTo("2026-10-01 00:00:00.123");
        assertThat(str(ts("0001-01-01T00:00:00Z"), TIMESTAMP)).isEqualTo("0001-01-01 00:00:00");
        assertThat(str(ts("+10000-01-01T00:00:00Z"), TIMESTAMP)).isEqualTo("+10000-01-01 00:00:00");
        assertThat(str(LocalDate.of(10000, 1, 1), DATE)).isEqualTo("+10000-01-01");
        assertThat(str(LocalDate.of(-1, 1, 1), DATE)).isEqualTo("-0001-01-01");
        ColumnVector t = Vectors.of(TIMESTAMP, List.of(ts("2026-10-01T00:00:00Z")));
        assertThat(Casts.cast(t, STRING, EvalMode.ANSI, ZoneId.of("America/Los_Angeles")).getObject(0)).isEqualTo("2026-09-30 17:00:00");
        assertThat(Casts.cast(t, STRING, EvalMode.ANSI, ZoneId.of("Asia/Kolkata")).getObject(0)).isEqualTo("2026-10-01 05:30:00");
    }

    @Test void decimalsRoundHalfUpAndRejectTooManyDigits() {
        assertThat(ansi("1.005", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(ansi(1.005, DOUBLE, decimal(10, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(ansi(1.015, DOUBLE, decimal(10, 2))).isEqualTo(new BigDecimal("1.02"));
        assertThat(ansi(2.675, DOUBLE, decimal(10, 2))).isEqualTo(new BigDecimal("2.68"));
        assertThat(ansi(-1.005, DOUBLE, decimal(10, 2))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(ansi("-1.005", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(ansi("1.004999", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("1.00"));
        assertThat(ansi("12345678.999", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("12345679.00"));
        assertThat(ansi(" 1.5 ", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("1.50"));
        assertThat(ansi("1e2", STRING, decimal(10, 2))).isEqualTo(new BigDecimal("100.00"));
        assertThat(ansi("1.5e1", STRING, decimal(5, 1))).isEqualTo(new BigDecimal("15.0"));
        assertThat(ansi("5.", STRING, decimal(5, 1))).isEqualTo(new BigDecimal("5.0"));
        assertThat(ansi("1.5", STRING, decimal(10, 0))).isEqualTo(new BigDecimal("2"));
        assertThat(ansi(new BigDecimal("1.005"), decimal(4, 3), decimal(10, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(ansi(2147483647, INT, decimal(10, 0))).isEqualTo(new BigDecimal("2147483647"));
        assertThat(ansi(1.5f, FLOAT, decimal(5, 2))).isEqualTo(new BigDecimal("1.50"));
        assertThat(ansi(0.1f, FLOAT, decimal(10, 9))).isEqualTo(new BigDecimal("0.100000001"));
        assertThat(ansiError("123456789012", STRING, decimal(10, 2))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(ansiError(123, INT, decimal(2, 0))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(ansiError(1.5, DOUBLE, decimal(1, 1))).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(ansiError("abc", STRING, decimal(10, 2))).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(ansiError("1.5d", STRING, decimal(5, 1))).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(tryCast("123456789012", STRING, decimal(10, 2))).isNull();
        assertThat(legacy("123456789012", STRING, decimal(10, 2))).isNull();
        assertThat(legacy(123, INT, decimal(2, 0))).isNull();
        assertThat(ansi(Double.NaN, DOUBLE, decimal(10, 2))).isNull();   // NULL even under ANSI
        assertThat(ansi(new BigDecimal("12.5"), decimal(3, 1), INT)).isEqualTo(12);
        assertThat(ansi(new BigDecimal("-12.5"), decimal(3, 1), INT)).isEqualTo(-12);
        assertThat(ansi(new BigDecimal("-2.5"), decimal(2, 1), INT)).isEqualTo(-2);
        assertThat(ansi(new BigDecimal("99999999.99"), decimal(10, 2), INT)).isEqualTo(99999999);
        assertThat(ansi(new BigDecimal("1.25"), decimal(3, 2), DOUBLE)).isEqualTo(1.25);
        assertThat(ansi(new BigDecimal("0.1"), decimal(1, 1), FLOAT)).isEqualTo(0.1f);
    }

    @Test void wideningNumbers() {
        assertThat(ansi(1, INT, DOUBLE)).isEqualTo(1.0);
        assertThat(ansi(16777217, INT, FLOAT)).isEqualTo(1.6777216E7f);
        assertThat(ansi(9007199254740993L, LONG, DOUBLE)).isEqualTo(9.007199254740992E15);
        assertThat(ansi(1e39, DOUBLE, FLOAT)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(ansi(3.4E38, DOUBLE, FLOAT)).isEqualTo(3.4E38f);
    }

    @Test void structArrayAndMapCastPartByPart() {
        StructType from = StructType.fromDDL("a STRING, b STRING");
        StructType to = StructType.fromDDL("a INT, b STRING");
        assertThat(ansi(Row.of(from, "1", "x"), from, to)).isEqualTo(Row.of(to, 1, "x"));
        StructType za = StructType.fromDDL("a STRING");
        assertThat(ansiError(Row.of(za, "z"), za, StructType.fromDDL("a INT"))).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(ansiError(List.of("1", "x"), DataTypes.array(STRING), DataTypes.array(INT))).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(tryCast(List.of("1", "x"), DataTypes.array(STRING), DataTypes.array(INT))).isEqualTo(Arrays.asList(1, null));
        assertThat(ansi(Map.of("a", "1"), DataTypes.map(STRING, STRING), DataTypes.map(STRING, INT))).isEqualTo(Map.of("a", 1));
        assertThat(ansi(Map.of(1, "a"), DataTypes.map(INT, STRING), DataTypes.map(STRING, STRING))).isEqualTo(Map.of("1", "a"));
        StructType ab = StructType.fromDDL("a INT, b INT");
        StructType xy = StructType.fromDDL("x STRING, y DOUBLE");
        assertThat(ansi(Row.of(ab, 1, 2), ab, xy)).isEqualTo(Row.of(xy, "1", 2.0));
        assertThat(ansi(List.of(Double.NaN), DataTypes.array(DOUBLE), DataTypes.array(decimal(5, 1)))).isEqualTo(Arrays.asList((Object) null));
    }

    @Test void aBadValueInsideANullStructDoesNotRaise() {
        StructType from = StructType.fromDDL("a STRING");
        ColumnVector in = Vectors.of(from, Arrays.asList(Row.of(from, "1"), null));
        ColumnVector out = Casts.cast(in, StructType.fromDDL("a INT"), EvalMode.ANSI);
        assertThat(out.isNull(1)).isTrue();
        assertThat(((Row) out.getObject(0)).get(0)).isEqualTo(1);
    }

    @Test void elementsOfFilteredOutRowsAreNotCast() {
        ColumnVector base = Vectors.of(DataTypes.array(STRING), List.of(List.of("bad"), List.of("7")));
        ColumnVector kept = base.select(new int[] {1}, 1);
        assertThat(Casts.cast(kept, DataTypes.array(INT), EvalMode.ANSI).getObject(0)).isEqualTo(List.of(7));
    }

    @Test void nullsStayNullAndVoidCastsToAnything() {
        assertThat(ansi(null, STRING, INT)).isNull();
        assertThat(ansi(null, DataTypes.NULL, DataTypes.array(INT))).isNull();
        assertThat(ansi(null, DataTypes.NULL, STRING)).isNull();
    }

    @Test void constantInputIsCastOnceAndStaysConstant() {
        ColumnVector in = ConstantVector.of(STRING, "42", 1000);
        ColumnVector out = Casts.cast(in, INT, EvalMode.ANSI);
        assertThat(out.encoding()).isEqualTo(Encoding.CONSTANT);
        assertThat(out.size()).isEqualTo(1000);
        assertThat(out.getInt(999)).isEqualTo(42);
    }

    @Test void legacyOnlyCasts() {
        assertThat(legacy(LocalDate.of(2026, 10, 1), DATE, INT)).isNull();
        assertThat(legacy(LocalDate.of(2026, 10, 1), DATE, DOUBLE)).isNull();
        assertThat(legacy(LocalDate.of(2026, 10, 1), DATE, BOOLEAN)).isNull();
        assertThat(legacy(ts("2026-10-01T00:00:00Z"), TIMESTAMP, BOOLEAN)).isEqualTo(true);
        assertThat(legacy(true, BOOLEAN, TIMESTAMP)).isEqualTo(ts("1970-01-01T00:00:00.000001Z"));
        assertThat((byte[]) legacy(1, INT, BINARY)).containsExactly(0, 0, 0, 1);
        assertThat((byte[]) legacy(1L, LONG, BINARY)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        assertThat((byte[]) legacy(-1, INT, BINARY)).containsExactly(-1, -1, -1, -1);
        assertThat((byte[]) ansi("abc", STRING, BINARY)).containsExactly('a', 'b', 'c');
    }

    @Test void allowedCastsFollowSparkPerMode() {
        assertThat(Casts.canCast(DATE, INT)).isFalse();
        assertThat(Casts.canCast(DATE, INT, EvalMode.LEGACY)).isTrue();
        assertThat(Casts.canCast(INT, BINARY)).isFalse();
        assertThat(Casts.canCast(INT, BINARY, EvalMode.LEGACY)).isTrue();
        assertThat(Casts.canCast(BOOLEAN, TIMESTAMP)).isFalse();
        assertThat(Casts.canCast(TIMESTAMP, BOOLEAN)).isFalse();
        assertThat(Casts.canCast(DATE, BOOLEAN)).isFalse();
        assertThat(Casts.canCast(STRING, StructType.fromDDL("a INT, b STRING"))).isFalse();
        assertThat(Casts.canCast(INT, DataTypes.array(INT))).isFalse();
        assertThat(Casts.canCast(INT, TIMESTAMP)).isTrue();
        assertThat(Casts.canCast(TIMESTAMP, LONG)).isTrue();
        assertThat(Casts.canCast(DataTypes.array(INT), STRING)).isTrue();
        assertThat(Casts.canCast(BINARY, STRING)).isTrue();
        assertThat(Casts.canCast(DataTypes.NULL, DataTypes.map(STRING, INT))).isTrue();
        assertThat(Casts.canCast(DataTypes.map(STRING, STRING), DataTypes.map(INT, STRING))).isTrue();
        assertThat(Casts.canCast(DataTypes.map(STRING, STRING), DataTypes.map(INT, STRING), EvalMode.TRY)).isFalse();
        assertThat(Casts.canCast(StructType.fromDDL("a INT"), StructType.fromDDL("a INT, b INT"))).isFalse();
        assertThatThrownBy(() -> Casts.cast(Vectors.of(DATE, List.of(LocalDate.EPOCH)), INT, EvalMode.ANSI))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CAST));
    }

    @Test void mayFailIsSparksForceNullable() {
        assertThat(Casts.mayFail(STRING, INT)).isTrue();
        assertThat(Casts.mayFail(STRING, BINARY)).isFalse();
        assertThat(Casts.mayFail(INT, STRING)).isFalse();
        assertThat(Casts.mayFail(INT, LONG)).isFalse();
        assertThat(Casts.mayFail(LONG, INT)).isFalse();
        assertThat(Casts.mayFail(DOUBLE, INT)).isTrue();
        assertThat(Casts.mayFail(INT, decimal(10, 0))).isFalse();
        assertThat(Casts.mayFail(INT, decimal(9, 0))).isTrue();
        assertThat(Casts.mayFail(LONG, decimal(20, 0))).isFalse();
        assertThat(Casts.mayFail(decimal(10, 2), decimal(11, 2))).isFalse();
        assertThat(Casts.mayFail(decimal(10, 2), decimal(10, 2))).isFalse();
        assertThat(Casts.mayFail(decimal(10, 2), decimal(10, 3))).isTrue();
        assertThat(Casts.mayFail(DOUBLE, decimal(38, 0))).isTrue();
        assertThat(Casts.mayFail(DOUBLE, TIMESTAMP)).isTrue();
        assertThat(Casts.mayFail(TIMESTAMP, INT)).isTrue();
        assertThat(Casts.mayFail(TIMESTAMP, LONG)).isFalse();
        assertThat(Casts.mayFail(TIMESTAMP, DATE)).isFalse();
        assertThat(Casts.mayFail(DATE, TIMESTAMP)).isFalse();
        assertThat(Casts.mayFail(DataTypes.NULL, INT)).isFalse();
    }
}
