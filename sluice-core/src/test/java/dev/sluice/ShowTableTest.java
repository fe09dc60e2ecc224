package dev.sluice;

import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dataset.show text against Spark 4.1.1's output, byte for byte. The expected files under
 * {@code src/test/resources/dev/sluice/show} are the oracle's captured stdout (notes/spark-oracle.md §6).
 */
class ShowTableTest {

    private static String expected(String name) throws IOException {
        try (InputStream in = ShowTableTest.class.getResourceAsStream("show/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What show(numRows, truncate, vertical) prints for {@code all} rows (the caller fetched numRows + 1). */
    private static String show(StructType schema, List<Row> all, int numRows, int truncate, boolean vertical) {
        List<Row> fetched = all.size() > numRows + 1 ? all.subList(0, numRows + 1) : all;
        return ShowTable.render(schema, fetched, false, numRows, truncate, vertical);
    }

    private static final StructType ST = StructType.fromDDL("a INT, b STRING");
    private static final StructType NESTED = StructType.fromDDL("arr ARRAY<INT>, n STRUCT<z: STRING>");
    private static final StructType N = StructType.fromDDL("z STRING");
    private static final StructType FRAME = StructType.fromDDL("id INT NOT NULL, s STRING, long_s STRING, dbl DOUBLE, dec DECIMAL(10,2), "
            + "ts TIMESTAMP, dt DATE, bool BOOLEAN, bin BINARY, empty STRING, st STRUCT<a: INT, b: STRING>, arr ARRAY<INT>, "
            + "m MAP<STRING, INT>, nested STRUCT<arr: ARRAY<INT>, n: STRUCT<z: STRING>>, f FLOAT, l BIGINT");

    private static List<Row> frame() {
        Map<String, Integer> m3 = new LinkedHashMap<>();
        m3.put("k", null);
        m3.put("j", 2);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(FRAME, 1, "short", "this is a string longer than twenty chars", 1.0, new BigDecimal("1.50"),
                Instant.parse("2026-10-01T12:34:56.123Z"), LocalDate.of(2026, 10, 1), true, new byte[] {0x41, (byte) 0xFF, 0}, "",
                Row.of(ST, 1, "x"), List.of(1, 2, 3), Map.of("k", 1), Row.of(NESTED, List.of(1, 2), Row.of(N, "deep")), 1.5f, 12345678901L));
        rows.add(Row.of(FRAME, 2, null, null, 1e10, null, null, null, null, null, null, null, null, null, null, null, null));
        rows.add(Row.of(FRAME, 3, "x", "exactly twenty chars", 1.0E-5, new BigDecimal("-123.45"), Instant.parse("2026-10-01T00:00:00Z"),
                LocalDate.of(1999, 1, 31), false, new byte[0], " lead", Row.of(ST, null, null), Arrays.asList(null, 2), m3,
                Row.of(NESTED, List.of(), null), Float.NaN, -1L));
        rows.add(Row.of(FRAME, 4, "héllo😀", "twenty-one chars long", Double.NaN, new BigDecimal("0.00"),
                Instant.parse("2026-10-01T00:00:00.000001Z"), LocalDate.of(2026, 10, 1), true, new byte[] {0}, "a\tb\nc",
                Row.of(ST, 1, "this is a very long struct string value"), List.of(), Map.of(), Row.of(NESTED, null, Row.of(N, (Object) null)),
                0.1f, 0L));
        double[] doubles = {Double.NEGATIVE_INFINITY, -0.0, 123456789.123, 0.1 + 0.2, 1e7, 0.001};
        for (int i = 0; i < doubles.length; i++) {
            BigDecimal dec = i == 0 ? new BigDecimal("99999999.99") : null;
            rows.add(Row.of(FRAME, 5 + i, "x", "x", doubles[i], dec, null, null, null, null, null, null, null, null, null, null, null));
        }
        return rows;
    }

    @Test void defaultShowTruncatesAt20AndRightAligns() throws IOException {
        assertThat(show(FRAME, frame(), 20, 20, false)).isEqualTo(expected("default"));
    }

    @Test void showFalseLeftAlignsWholeValues() throws IOException {
        assertThat(show(FRAME, frame(), 20, 0, false)).isEqualTo(expected("no_truncate"));
    }

    @Test void showTopRowsAddsTheFooter() throws IOException {
        assertThat(show(FRAME, frame(), 3, 20, false)).isEqualTo(expected("top3"));
    }

    @Test void smallTruncateWidths() throws IOException {
        StructType four = StructType.fromDDL("id INT NOT NULL, s STRING, long_s STRING, st STRUCT<a: INT, b: STRING>");
        List<Row> rows = new ArrayList<>();
        for (Row r : frame()) rows.add(Row.of(four, r.get(0), r.get(1), r.get(2), r.get(10)));
        assertThat(show(four, rows, 2, 5, false)).isEqualTo(expected("truncate5"));
        StructType two = StructType.fromDDL("id INT NOT NULL, long_s STRING");
        List<Row> twos = new ArrayList<>();
        for (Row r : frame()) twos.add(Row.of(two, r.get(0), r.get(2)));
        assertThat(show(two, twos, 2, 3, false)).isEqualTo(expected("truncate3"));
    }

    @Test void verticalRecords() throws IOException {
        assertThat(show(FRAME, frame(), 2, 0, true)).isEqualTo(expected("vertical"));
        assertThat(show(FRAME, frame(), 1, 20, true)).isEqualTo(expected("vertical_truncated"));
    }

    private static List<Row> squares(int n) {
        StructType t = StructType.fromDDL("id BIGINT NOT NULL, sq BIGINT NOT NULL");
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) rows.add(Row.of(t, i, i * i));
        return rows;
    }

    private static List<Row> ids(int n) {
        StructType t = StructType.fromDDL("id BIGINT NOT NULL");
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) rows.add(Row.of(t, i));
        return rows;
    }

    @Test void footerOnlyWhenRowsWereLeftOut() throws IOException {
        StructType sq = StructType.fromDDL("id BIGINT NOT NULL, sq BIGINT NOT NULL");
        StructType id = StructType.fromDDL("id BIGINT NOT NULL");
        assertThat(show(sq, squares(25), 20, 20, false)).isEqualTo(expected("rows25"));
        assertThat(show(id, ids(21), 20, 20, false)).isEqualTo(expected("rows21"));
        assertThat(show(id, ids(20), 20, 20, false)).isEqualTo(expected("rows20"));
        assertThat(show(sq, squares(25), 5, 20, false)).isEqualTo(expected("rows25_top5"));
        assertThat(show(id, ids(25), 1, 20, false)).isEqualTo(expected("top1"));
        assertThat(show(id, ids(1), 20, 20, false)).isEqualTo(expected("range1"));
    }

    @Test void hasMoreRowsFlagAddsTheFooter() {
        StructType id = StructType.fromDDL("id BIGINT NOT NULL");
        assertThat(ShowTable.render(id, ids(2), true, 2, 20, false)).endsWith("+---+\nonly showing top 2 rows\n");
    }

    @Test void emptyAndColumnlessFrames() throws IOException {
        assertThat(show(StructType.fromDDL("id BIGINT NOT NULL, sq BIGINT NOT NULL"), List.of(), 20, 20, false)).isEqualTo(expected("empty"));
        assertThat(show(StructType.EMPTY, List.of(), 20, 20, false)).isEqualTo(expected("no_columns"));
    }

    @Test void verticalWithoutRowsSaysZeroRows() {
        // observed on Spark 4.1.1 (exprfn extras): "(0 rows)" then println's line end, also after show(0)
        StructType t = StructType.fromDDL("id INT, s STRING");
        assertThat(ShowTable.render(t, List.of(), false, 20, 20, true)).isEqualTo("(0 rows)\n");
        StructType a = StructType.fromDDL("a INT");
        assertThat(ShowTable.render(a, List.of(Row.of(a, 1)), false, 0, 20, true)).isEqualTo("(0 rows)\n");
    }

    @Test void showZeroRowsPrintsHeaderAndFooter() {
        StructType t = StructType.fromDDL("a INT, b STRING");
        assertThat(ShowTable.render(t, List.of(Row.of(t, 1, "")), false, 0, 20, false))
                .isEqualTo("+---+---+\n|  a|  b|\n+---+---+\n+---+---+\nonly showing top 0 rows\n");
    }

    @Test void verticalRecordOfNarrowValues() {
        StructType t = StructType.fromDDL("id BIGINT NOT NULL");
        assertThat(show(t, ids(3), 2, 20, true)).isEqualTo("-RECORD 0--\n id  | 0   \n-RECORD 1--\n id  | 1   \nonly showing top 2 rows\n");
        StructType x = StructType.fromDDL("x INT");
        assertThat(ShowTable.render(x, List.of(Row.of(x, 1)), false, 1, 20, true)).isEqualTo("-RECORD 0--\n x   | 1   \n\n");
    }

    @Test void headersWiderThanValuesAndNegativeNumbers() throws IOException {
        StructType t = StructType.fromDDL("a_long_column_name INT NOT NULL, s STRING NOT NULL, pi DOUBLE NOT NULL, nul STRING");
        List<Row> rows = List.of(Row.of(t, -5, "L", 3.14159, null));
        assertThat(show(t, rows, 20, 20, false) + show(t, rows, 20, 0, false)).isEqualTo(expected("header_wider"));
        StructType longName = StructType.fromDDL("a_very_long_column_name_exceeding_twenty INT NOT NULL");
        assertThat(show(longName, List.of(Row.of(longName, 1)), 20, 20, false)).isEqualTo(expected("long_header"));
    }

    @Test void eastAsianCharactersCountDouble() throws IOException {
        StructType t = StructType.fromDDL("j STRING NOT NULL, a STRING NOT NULL");
        List<Row> rows = List.of(Row.of(t, "日本語", "abc"), Row.of(t, "x", "漢字".repeat(11)));
        assertThat(show(t, rows, 20, 20, false)).isEqualTo(expected("unicode"));
    }

    @Test void controlCharactersAreEscaped() throws IOException {
        StructType t = StructType.fromDDL("tab STRING NOT NULL, nl STRING NOT NULL, cr STRING NOT NULL, bs STRING NOT NULL, "
                + "ctl STRING NOT NULL, tr STRING NOT NULL");
        List<Row> rows = List.of(Row.of(t, "a\tb", "a\nb", "a\rb", "a\\b", "x\u0001y", "trailing "));
        StructType nested = StructType.fromDDL("arr ARRAY<STRING> NOT NULL, st STRUCT<x: STRING> NOT NULL");
        StructType x = StructType.fromDDL("x STRING");
        List<Row> nestedRows = List.of(Row.of(nested, Arrays.asList("a\nb", null), Row.of(x, "a\tb")));
        assertThat(show(t, rows, 20, 0, false) + show(t, rows, 20, 20, false) + show(nested, nestedRows, 20, 0, false))
                .isEqualTo(expected("escaping"));
        StructType odd = StructType.fromDDL("ctl STRING");
        assertThat(ShowTable.render(odd, List.of(Row.of(odd, "a\u000Bb\u0007c\fd\be")), false, 20, 20, false))
                .contains("|a\\vb\\ac\\fd\\be|");
    }

    @Test void nestedValuesUseShowForms() throws IOException {
        StructType s = StructType.fromDDL("f FLOAT, d DOUBLE, dec DECIMAL(3,2), ts TIMESTAMP, dt DATE, bin BINARY");
        StructType t = StructType.of(DataTypes.field("a", DataTypes.array(DataTypes.DOUBLE)), DataTypes.field("s", s),
                DataTypes.field("m", DataTypes.map(DataTypes.DOUBLE, DataTypes.BOOLEAN)));
        Row row = Row.of(t, List.of(1.0, 1e10, Double.NaN),
                Row.of(s, 0.1f, 1.0E-5, new BigDecimal("1.50"), Instant.parse("2026-10-01T00:00:00Z"), LocalDate.of(2026, 10, 1), new byte[] {1}),
                Map.of(1.5, true));
        assertThat(show(t, List.of(row), 20, 0, false)).isEqualTo(expected("nested_specials"));
    }

    @Test void binaryAndNullsInsideNestedValues() {
        StructType b = StructType.fromDDL("b BINARY");
        StructType a = StructType.fromDDL("a INT");
        StructType t = StructType.of(DataTypes.field("st", b), DataTypes.field("arr", DataTypes.array(DataTypes.BINARY)),
                DataTypes.field("m", DataTypes.map(DataTypes.STRING, DataTypes.BINARY)),
                DataTypes.field("dec", DataTypes.array(DataTypes.decimal(8, 8))), DataTypes.field("ns", a),
                DataTypes.field("ans", DataTypes.array(a)));
        Row row = Row.of(t, Row.of(b, (Object) new byte[] {1}), List.of(new byte[] {1}, new byte[0]), Map.of("k", new byte[] {(byte) 0xFF}),
                List.of(new BigDecimal("0.00000001")), null, Arrays.asList((Object) null));
        assertThat(show(t, List.of(row), 20, 0, false)).isEqualTo(
                "+------+----------+-----------+------------+----+------+\n"
                + "|st    |arr       |m          |dec         |ns  |ans   |\n"
                + "+------+----------+-----------+------------+----+------+\n"
                + "|{[01]}|[[01], []]|{k -> [FF]}|[0.00000001]|NULL|[NULL]|\n"
                + "+------+----------+-----------+------------+----+------+\n\n");
    }

    @Test void timestampsFollowTheSessionZone() {
        StructType t = StructType.fromDDL("ts TIMESTAMP");
        String text = ShowTable.render(t, List.of(Row.of(t, Instant.parse("2026-10-01T00:00:00Z"))), false, 20, 0, false,
                ZoneId.of("America/Los_Angeles"));
        assertThat(text).contains("|2026-09-30 17:00:00|");
    }

    @Test void truncationCutsByUtf16UnitsAsSpark() {
        StructType t = StructType.fromDDL("e STRING");
        String text = ShowTable.render(t, List.of(Row.of(t, "a".repeat(17) + "😀bb")), false, 20, 20, false);
        assertThat(text).contains("|" + "a".repeat(17) + "...|");
    }
}
