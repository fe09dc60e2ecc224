package dev.sluice.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.rows;
import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBatchBuilderTest {
    /** The oracle's data/mixed.jsonl, line by line (line 5 empty, line 9 three spaces). */
    static final String[] MIXED = {
        "{\"a\":1,\"b\":\"x\"}",
        "{\"a\":2,\"b\":\"y\",\"extra\":5}",
        "{bad",
        "{\"a\":\"notint\",\"b\":\"z\"}",
        "",
        "{\"a\":3} trailing",
        "[1,2]",
        "{\"a\":4,\"b\":null}",
        "   ",
        "{\"a\":5,\"b\":{\"n\":1}}",
        "null",
        "{\"b\":\"only\"}",
        "[{\"a\":6},{\"a\":7,\"b\":\"arr\"}]",
        "{\"a\":8,\"b\":\"last\"}",
    };

    static Batch read(String ddl, JsonOptions options, String... lines) {
        JsonBatchBuilder b = new JsonBatchBuilder(schema(ddl), options);
        for (String line : lines) {
            byte[] bytes = utf8(line);
            b.append(bytes, 0, bytes.length);
        }
        return b.finish();
    }

    static List<RecordOutcome> outcomes(String ddl, JsonOptions options, String... lines) {
        JsonBatchBuilder b = new JsonBatchBuilder(ddl.isEmpty() ? StructType.EMPTY : schema(ddl), options);
        List<RecordOutcome> out = new ArrayList<>();
        for (String line : lines) {
            byte[] bytes = utf8(line);
            out.add(b.append(bytes, 0, bytes.length));
        }
        return out;
    }

    @Test void permissiveMatchesSparkOnMixedLinesExceptTrailingText() {
        // Spark gives "3|NULL" for `{"a":3} trailing`; Sluice treats trailing text as malformed.
        assertThat(rows(read("a INT, b STRING", JsonOptions.DEFAULT, MIXED))).containsExactly(
                "1|x", "2|y", "NULL|NULL", "NULL|z", "NULL|NULL", "NULL|NULL", "4|NULL", "5|{\"n\":1}",
                "NULL|NULL", "NULL|only", "6|NULL", "7|arr", "8|last");
    }

    @Test void corruptRecordColumnReceivesTheRawLineOfMalformedRecords() {
        assertThat(rows(read("a INT, b STRING, _corrupt_record STRING", JsonOptions.DEFAULT, MIXED))).containsExactly(
                "1|x|NULL", "2|y|NULL", "NULL|NULL|{bad", "NULL|z|{\"a\":\"notint\",\"b\":\"z\"}",
                "NULL|NULL|{\"a\":3} trailing", "NULL|NULL|[1,2]", "4|NULL|NULL", "5|{\"n\":1}|NULL",
                "NULL|NULL|null", "NULL|only|NULL", "6|NULL|NULL", "7|arr|NULL", "8|last|NULL");
    }

    @Test void corruptRecordColumnCanBeRenamed() {
        assertThat(rows(read("a INT, bad_rec STRING", opts("columnNameOfCorruptRecord", "bad_rec"),
                "{\"a\":1}", "{bad", "{\"a\":\"x\",\"bad_rec\":\"ignored\"}")))
                .containsExactly("1|NULL", "NULL|{bad", "NULL|{\"a\":\"x\",\"bad_rec\":\"ignored\"}");
    }

    @Test void corruptRecordColumnMustBeAString() {
        assertThatThrownBy(() -> new JsonBatchBuilder(schema("a INT, _corrupt_record INT"), JsonOptions.DEFAULT))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test void dropMalformedDropsBadRecordsOfTheProjectedColumns() {
        assertThat(rows(read("a INT, b STRING", opts("mode", "DROPMALFORMED"), MIXED))).containsExactly(
                "1|x", "2|y", "4|NULL", "5|{\"n\":1}", "NULL|only", "6|NULL", "7|arr", "8|last");
        // with only b projected, the `notint` line converts fine and is kept (as Spark's select(b))
        assertThat(rows(read("b STRING", opts("mode", "DROPMALFORMED"),
                "{\"a\":1,\"b\":\"x\"}", "{\"a\":3,\"b\":", "{\"a\":\"bad\",\"b\":\"z\"}", "{\"a\":4,\"b\":5}")))
                .containsExactly("x", "z", "5");
    }

    @Test void outcomesReportWhatHappenedToEachRecord() {
        assertThat(outcomes("a INT", opts("mode", "DROPMALFORMED"), "{\"a\":1}", "{bad", "", "{\"a\":\"x\"}", "[]"))
                .containsExactly(RecordOutcome.OK, RecordOutcome.DROPPED, RecordOutcome.EMPTY, RecordOutcome.DROPPED,
                        RecordOutcome.OK);
        assertThat(outcomes("a INT", JsonOptions.DEFAULT, "{\"a\":1}", "{bad", "  ", "{\"a\":\"x\"}"))
                .containsExactly(RecordOutcome.OK, RecordOutcome.MALFORMED, RecordOutcome.EMPTY, RecordOutcome.MALFORMED);
    }

    @Test void blankRecordsAppendNoRow() {
        assertThat(read("a INT", JsonOptions.DEFAULT, "", "   ", "\t").rowCount()).isZero();
    }

    @Test void failFastThrowsWithAShortReason() {
        assertThatThrownBy(() -> read("a INT, b STRING", opts("mode", "FAILFAST"), "{\"a\":1}", "{bad"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("column 2");
        assertThatThrownBy(() -> read("a INT, b STRING", opts("mode", "FAILFAST"), "{\"a\":\"x\"}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("`a`");
        assertThatThrownBy(() -> read("a INT", opts("mode", "FAILFAST"), "{\"a\":1} xyz"))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test void failFastKeepsGoodRecordsBeforeTheFailure() {
        JsonBatchBuilder b = new JsonBatchBuilder(schema("a INT"), opts("mode", "FAILFAST"));
        byte[] good = utf8("{\"a\":1}");
        byte[] bad = utf8("{\"a\":true}");
        b.append(good, 0, good.length);
        assertThatThrownBy(() -> b.append(bad, 0, bad.length)).isInstanceOf(MalformedJsonException.class);
        assertThat(rows(b.finish())).containsExactly("1");
    }

    @Test void textAfterTheFirstValueIsMalformed() {
        assertThat(outcomes("a INT", JsonOptions.DEFAULT, "{\"a\":1} xyz", "{\"a\":1}{\"a\":2}", "{\"a\":1}   "))
                .containsExactly(RecordOutcome.MALFORMED, RecordOutcome.MALFORMED, RecordOutcome.OK);
    }

    @Test void appendLineEndsARecordAtItsNewlineAndLeavesEverythingElseToTheLineReader() {
        JsonBatchBuilder b = new JsonBatchBuilder(schema("a INT, s STRING"), JsonOptions.DEFAULT);
        byte[] buf = utf8("{\"a\":1} \r\n{\"a\":2}");
        assertThat(b.appendLine(buf, 0, buf.length, false)).isEqualTo(9);
        assertThat(b.appendLine(buf, 10, buf.length, false)).as("the bytes may go on").isEqualTo(-1);
        assertThat(b.appendLine(buf, 10, buf.length, true)).as("the input's last line").isEqualTo(buf.length);
        for (String line : new String[] {
                "{\"a\":\n1}\n",              // a newline inside the record: the line ends there
                "{\"a\":1\n}\n",
                "{\"a\":1,\n\"s\":\"x\"}\n",
                "{\"s\":\"x\ny\"}\n",           // in a string
                "{\"b\":[1,\n2]}\n",           // in a skipped value
                "{\"b\":{\"c\":\n2}}\n",
                "\n{\"a\":1}\n",               // a blank line
                "{\"a\":1} x\n",              // trailing text
                "{\"a\":1}\r\r",               // no newline yet
                "[{\"a\":1}]\n"}) {          // not one object
            byte[] bytes = utf8(line);
            assertThat(b.appendLine(bytes, 0, bytes.length, false)).as(line).isEqualTo(-1);
        }
        assertThat(b.rowCount()).isEqualTo(2);
        assertThat(rows(b.finish())).containsExactly("1|NULL", "2|NULL");
    }

    @Test void recordsAreReadFromAnOffsetInASharedBuffer() {
        byte[] buf = utf8("xx{\"a\":7}yy");
        JsonBatchBuilder b = new JsonBatchBuilder(schema("a INT"), JsonOptions.DEFAULT);
        assertThat(b.append(buf, 2, 7)).isEqualTo(RecordOutcome.OK);
        assertThat(rows(b.finish())).containsExactly("7");
    }

    @Test void failFastColumnsCountFromTheRecordStart() {
        byte[] buf = utf8("{\"a\":1}\n{bad");
        JsonBatchBuilder b = new JsonBatchBuilder(schema("a INT"), opts("mode", "FAILFAST"));
        assertThatThrownBy(() -> b.append(buf, 8, 4)).isInstanceOf(MalformedJsonException.class).hasMessageEndingWith("column 2");
        byte[] trailing = utf8("xx{\"a\":1} zz");
        assertThatThrownBy(() -> b.append(trailing, 2, trailing.length - 2)).isInstanceOf(MalformedJsonException.class)
                .hasMessageEndingWith("column 8");
    }

    @Test void unknownFieldsAreSkippedAtEveryLevel() {
        assertThat(rows(read("a INT, s STRUCT<x: INT>", JsonOptions.DEFAULT,
                "{\"z\":{\"deep\":[1,{\"q\":2}]},\"a\":1,\"s\":{\"y\":[1,2],\"x\":5,\"w\":{}}}")))
                .containsExactly("1|{5}");
    }

    @Test void fieldNamesMatchCaseSensitively() {
        assertThat(rows(read("a INT", JsonOptions.DEFAULT, "{\"A\":1}"))).containsExactly("NULL");
    }

    @Test void repeatedKeyKeepsTheLastValue() {
        assertThat(rows(read("a INT, s ARRAY<INT>", JsonOptions.DEFAULT,
                "{\"a\":1,\"s\":[1,2],\"a\":2,\"s\":[3]}"))).containsExactly("2|[3]");
    }

    @Test void fieldsInAnotherOrderThanTheSchemaAreMatched() {
        assertThat(rows(read("a INT, b STRING, c DOUBLE", JsonOptions.DEFAULT,
                "{\"c\":1.5,\"b\":\"x\",\"a\":1}", "{\"a\":2,\"c\":2.5}"))).containsExactly("1|x|1.5", "2|NULL|2.5");
    }

    @Test void mismatchedNestedValueNullsOnlyThatField() {
        assertThat(rows(read("a INT, c STRUCT<d: DOUBLE, e: STRING>", JsonOptions.DEFAULT,
                "{\"a\":1,\"c\":{\"d\":\"1.5\",\"e\":\"keep\"}}", "{\"a\":1,\"c\":5}")))
                .containsExactly("1|{null, keep}", "1|NULL");
    }

    @Test void arrayWithABadElementBecomesNullButTheRestOfTheRecordIsKept() {
        assertThat(rows(read("a ARRAY<INT>, b STRING", JsonOptions.DEFAULT,
                "{\"a\":[1,\"x\",[3],{\"q\":1}],\"b\":\"kept\"}", "{\"a\":[1,null,3],\"b\":\"y\"}")))
                .containsExactly("NULL|kept", "[1, null, 3]|y");
    }

    @Test void arrayOfStructsKeepsPartialElements() {
        assertThat(rows(read("a ARRAY<STRUCT<x: INT, y: STRING>>", JsonOptions.DEFAULT,
                "{\"a\":[{\"x\":1,\"y\":\"p\"},{\"x\":\"bad\",\"y\":\"q\"}]}")))
                .containsExactly("[{1, p}, {null, q}]");
    }

    @Test void mapWithABadValueBecomesNullAndRepeatedKeysAreAllKept() {
        Batch b = read("m MAP<STRING, INT>, b INT", JsonOptions.DEFAULT,
                "{\"m\":{\"x\":1,\"y\":\"no\"},\"b\":2}", "{\"m\":{\"x\":1,\"x\":2,\"z\":null},\"b\":3}");
        assertThat(rows(b).get(0)).isEqualTo("NULL|2");
        var m = b.column(0);
        assertThat(m.arrayLength(1)).isEqualTo(3);
        int o = m.arrayOffset(1);
        assertThat(List.of(m.elements().getString(o), m.elements().getString(o + 1), m.elements().getString(o + 2)))
                .containsExactly("x", "x", "z");
        assertThat(m.mapValues().getInt(o)).isEqualTo(1);
        assertThat(m.mapValues().getInt(o + 1)).isEqualTo(2);
        assertThat(m.mapValues().isNull(o + 2)).isTrue();
    }

    @Test void stringColumnKeepsTheJsonTextOfOtherValues() {
        assertThat(rows(read("s STRING", JsonOptions.DEFAULT, "{\"s\":12}", "{\"s\":1.50}", "{\"s\":true}",
                "{\"s\":{\"x\": 1}}", "{\"s\":[1, 2]}", "{\"s\":1e10}", "{\"s\":12345678901234567890}", "{\"s\":-0}",
                "{\"s\":\"h\\u00e9\\n\"}")))
                .containsExactly("12", "1.50", "true", "{\"x\":1}", "[1,2]", "1e10", "12345678901234567890", "-0", "hé\n");
    }

    @Test void numbersReadAsStringsKeepTheirTextAsWritten() {
        assertThat(rows(read("s STRING", JsonOptions.DEFAULT, "{\"s\":123.50}", "{\"s\":0.1000000000000000055511151231257827}",
                "{\"s\":1e400}", "{\"s\":-1.0E-7}", "{\"s\":{\"x\": [1.50, 2E3]}}")))
                .containsExactly("123.50", "0.1000000000000000055511151231257827", "1e400", "-1.0E-7", "{\"x\":[1.50,2E3]}");
    }

    @Test void numbersConvertOnlyAsSparkAllows() {
        assertThat(rows(read("i INT, l BIGINT", JsonOptions.DEFAULT, "{\"i\":\"12\"}", "{\"i\":1.5}",
                "{\"i\":12345678901,\"l\":12345678901}", "{\"i\":true}", "{\"i\":1e2}", "{\"i\":\"\"}",
                "{\"l\":12345678901234567890}", "{\"l\":\"12\"}", "{\"i\":-0}")))
                .containsExactly("NULL|NULL", "NULL|NULL", "NULL|12345678901", "NULL|NULL", "NULL|NULL", "NULL|NULL",
                        "NULL|NULL", "NULL|NULL", "0|NULL");
    }

    @Test void floatsAndDoublesAcceptSpecialValues() {
        assertThat(rows(read("f FLOAT, d DOUBLE", JsonOptions.DEFAULT, "{\"f\":1.5,\"d\":1}", "{\"f\":\"NaN\",\"d\":\"-Infinity\"}",
                "{\"f\":NaN,\"d\":Infinity}", "{\"f\":1e40,\"d\":\"+INF\"}", "{\"f\":\"1.5\",\"d\":\"1e3\"}",
                "{\"f\":\"inf\",\"d\":true}", "{\"f\":0.1}")))
                .containsExactly("1.5|1.0", "NaN|-Infinity", "NaN|Infinity", "Infinity|Infinity", "NULL|NULL",
                        "NULL|NULL", "0.1|NULL");
    }

    @Test void nonNumericNumbersCanBeDisallowed() {
        assertThat(outcomes("d DOUBLE", opts("allowNonNumericNumbers", "false"), "{\"d\":NaN}", "{\"d\":\"NaN\"}"))
                .containsExactly(RecordOutcome.MALFORMED, RecordOutcome.MALFORMED);
    }

    @Test void decimalsRoundHalfUpAndRejectTooManyDigits() {
        assertThat(rows(read("d DECIMAL(10,2)", JsonOptions.DEFAULT, "{\"d\":1.005}", "{\"d\":\"1.005\"}",
                "{\"d\":\"1.5\"}", "{\"d\":123456789012}", "{\"d\":12345678.99}", "{\"d\":123456789.99}",
                "{\"d\":1e2}", "{\"d\":\"abc\"}")))
                .containsExactly("1.01", "1.01", "1.50", "NULL", "12345678.99", "NULL", "100.00", "NULL");
    }

    @Test void booleansOnlyFromJsonLiterals() {
        assertThat(rows(read("b BOOLEAN", JsonOptions.DEFAULT, "{\"b\":true}", "{\"b\":false}", "{\"b\":\"true\"}", "{\"b\":1}")))
                .containsExactly("true", "false", "NULL", "NULL");
    }

    @Test void timestampsInSparkDefaultFormsAndEpochSeconds() {
        assertThat(rows(read("ts TIMESTAMP", JsonOptions.DEFAULT, "{\"ts\":\"2026-10-01T00:00:00.123Z\"}",
                "{\"ts\":\"2026-10-01T00:00:00.123+02:00\"}", "{\"ts\":\"2026-10-01 00:00:00\"}", "{\"ts\":\"2026-10-01\"}",
                "{\"ts\":1700000000}", "{\"ts\":1700000000.5}", "{\"ts\":\"garbage\"}", "{\"ts\":\"2026-10-01T10:20:30.1234567\"}")))
                .containsExactly("2026-10-01T00:00:00.123Z", "2026-09-30T22:00:00.123Z", "2026-10-01T00:00:00Z",
                        "2026-10-01T00:00:00Z", "2023-11-14T22:13:20Z", "NULL", "NULL", "2026-10-01T10:20:30.123456Z");
    }

    @Test void datesFromStringsOnly() {
        assertThat(rows(read("d DATE", JsonOptions.DEFAULT, "{\"d\":\"2026-10-01\"}", "{\"d\":\"2026-10-01T00:00:00.123Z\"}",
                "{\"d\":\"2026-13-01\"}", "{\"d\":20000}", "{\"d\":\"2026-1-1\"}", "{\"d\":\"\"}")))
                .containsExactly("2026-10-01", "2026-10-01", "NULL", "NULL", "2026-01-01", "NULL");
    }

    @Test void binaryFromBase64() {
        assertThat(rows(read("b BINARY", JsonOptions.DEFAULT, "{\"b\":\"Qf8=\"}", "{\"b\":\"\"}", "{\"b\":5}")))
                .containsExactly("[65, -1]", "[]", "NULL");
    }

    @Test void singleQuotesAreAcceptedButUnquotedNamesAndLeadingZerosAreNot() {
        assertThat(outcomes("a INT", JsonOptions.DEFAULT, "{'a':1}", "{a:1}", "{\"a\":01}", "{\"a\":1,}"))
                .containsExactly(RecordOutcome.OK, RecordOutcome.MALFORMED, RecordOutcome.MALFORMED, RecordOutcome.MALFORMED);
        assertThat(rows(read("a INT", opts("allowUnquotedFieldNames", "true", "allowNumericLeadingZeros", "true",
                "allowComments", "true"), "{a:1}", "{\"a\":01}", "{\"a\":1 /*c*/}"))).containsExactly("1", "1", "1");
    }

    @Test void nestedSchemaOfTheWorkload() {
        StructType s = schema("user STRUCT<id: BIGINT, country: STRING, plan: STRING>, "
                + "items ARRAY<STRUCT<sku: STRING, qty: INT, price: DOUBLE>>, error STRUCT<code: STRING, message: STRING>");
        JsonBatchBuilder b = new JsonBatchBuilder(s, JsonOptions.DEFAULT);
        byte[] line = utf8("{\"user\":{\"id\":42,\"country\":\"NL\",\"plan\":\"pro\"},\"items\":[{\"sku\":\"SKU-1\",\"qty\":2,"
                + "\"price\":9.99},{\"sku\":\"SKU-2\",\"qty\":1,\"price\":0.5}],\"error\":null}");
        byte[] line2 = utf8("{\"user\":{\"id\":7,\"country\":\"US\",\"plan\":\"free\"},\"items\":[],"
                + "\"error\":{\"code\":\"E404\",\"message\":\"not found\"}}");
        assertThat(b.append(line, 0, line.length)).isEqualTo(RecordOutcome.OK);
        assertThat(b.append(line2, 0, line2.length)).isEqualTo(RecordOutcome.OK);
        assertThat(rows(b.finish())).containsExactly(
                "{42, NL, pro}|[{SKU-1, 2, 9.99}, {SKU-2, 1, 0.5}]|NULL",
                "{7, US, free}|[]|{E404, not found}");
    }

    @Test void aNullStructHasNullChildrenAndBatchesAreIndependent() {
        JsonBatchBuilder b = new JsonBatchBuilder(schema("s STRUCT<x: INT>"), JsonOptions.DEFAULT);
        byte[] l1 = utf8("{\"s\":null}");
        byte[] l2 = utf8("{\"s\":{\"x\":3}}");
        b.append(l1, 0, l1.length);
        Batch first = b.finish();
        b.append(l2, 0, l2.length);
        Batch second = b.finish();
        assertThat(first.column(0).isNull(0)).isTrue();
        assertThat(first.column(0).child(0).isNull(0)).isTrue();
        assertThat(rows(first)).containsExactly("NULL");
        assertThat(rows(second)).containsExactly("{3}");
    }

    @Test void malformedRecordInTheMiddleLeavesNoTraceInNestedColumns() {
        assertThat(rows(read("a ARRAY<STRUCT<x: ARRAY<INT>>>, m MAP<STRING, STRING>", JsonOptions.DEFAULT,
                "{\"a\":[{\"x\":[1]}],\"m\":{\"k\":\"v\"}}",
                "{\"a\":[{\"x\":[2,3]}],\"m\":{\"k\":\"w\"},",
                "{\"a\":[{\"x\":[4]}],\"m\":{}}")))
                .containsExactly("[{[1]}]|{k -> v}", "NULL|NULL", "[{[4]}]|{}");
    }

    @Test void topLevelArrayOfObjectsGivesOneRowPerObject() {
        assertThat(rows(read("a INT, _corrupt_record STRING", JsonOptions.DEFAULT,
                "[{\"a\":1},{\"a\":\"x\"}]", "[]", "[{\"a\":2},5]")))
                .containsExactly("1|[{\"a\":1},{\"a\":\"x\"}]", "NULL|[{\"a\":1},{\"a\":\"x\"}]", "NULL|[{\"a\":2},5]");
    }

    @Test void emptySchemaCountsRecordsAndStillDetectsSyntaxErrors() {
        assertThat(outcomes("", opts("mode", "DROPMALFORMED"), "{\"a\":1}", "{\"a\":\"x\"}", "{bad"))
                .containsExactly(RecordOutcome.OK, RecordOutcome.OK, RecordOutcome.DROPPED);
    }
}
