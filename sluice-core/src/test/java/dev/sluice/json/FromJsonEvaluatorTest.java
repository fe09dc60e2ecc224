package dev.sluice.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.show;
import static dev.sluice.json.JsonTestSupport.strings;
import static dev.sluice.json.JsonTestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every case of the oracle's "from_json" section, with its show() text. */
class FromJsonEvaluatorTest {
    static final String ABC = "struct<a:int,b:string,c:struct<d:double>>";

    static List<String> fromJson(String schema, JsonOptions options, String... inputs) {
        ColumnVector out = FromJsonEvaluator.evaluate(strings(inputs), type(schema), options);
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < out.size(); r++) cells.add(show(out, r));
        return cells;
    }

    static String one(String schema, String input) { return fromJson(schema, JsonOptions.DEFAULT, input).get(0); }

    @Test void wellFormedObjectsConvert() {
        assertThat(one(ABC, "{\"a\":1,\"b\":\"x\",\"c\":{\"d\":1.5}}")).isEqualTo("{1, x, {1.5}}");
        assertThat(one(ABC, "{\"a\":1}")).isEqualTo("{1, null, null}");
        assertThat(one(ABC, "{}")).isEqualTo("{null, null, null}");
        assertThat(one(ABC, "{\"a\":1,\"b\":\"x\",\"zz\":9,\"c\":{\"d\":1.5,\"e\":2}}")).isEqualTo("{1, x, {1.5}}");
        assertThat(one(ABC, " {\"a\":1} ")).isEqualTo("{1, null, null}");
        assertThat(one(ABC, "{\"a\":-0}")).isEqualTo("{0, null, null}");
        assertThat(one(ABC, "{'a':1}")).isEqualTo("{1, null, null}");
    }

    /**
     * Found by the Spark differential test over generated logs with cut-short bodies (Spark 4.1.1's results):
     * cut after a field name's colon, the fields read before stay; cut inside a string, the whole record is lost.
     */
    @Test void textCutShortKeepsWhatSparkKeeps() {
        String schema = "struct<user:struct<id:bigint>,items:array<struct<sku:string,qty:int>>>";
        assertThat(one(schema, "{\"user\":{\"id\":1},\"items\":[{\"sku\":\"a\",\"qty\":3},{\"sku\":")).isEqualTo("{{1}, null}");
        assertThat(one(schema, "{\"user\":{\"id\":1},\"items\":[{\"sku\":\"SKU-6582")).isEqualTo("{null, null}");
    }

    @Test void emptyBlankAndNullInputsGiveNull() {
        assertThat(fromJson(ABC, JsonOptions.DEFAULT, "", "  ", null)).containsExactly("NULL", "NULL", "NULL");
        assertThat(fromJson(ABC, opts("mode", "FAILFAST"), "")).containsExactly("NULL");
    }

    @Test void malformedTextGivesAStructOfNullsNotANullStruct() {
        for (String bad : new String[] {"{bad", "[1,2]", "[{\"a\":1},{\"a\":2}]", "[]", "null", "\"str\"", "123",
                "{a:1}", "{\"a\":01}", "{\"a\":1,}"}) {
            assertThat(one(ABC, bad)).as(bad).isEqualTo("{null, null, null}");
        }
    }

    @Test void mismatchedValuesNullOnlyTheirField() {
        for (String in : new String[] {"{\"a\":\"12\"}", "{\"a\":1.5}", "{\"a\":12345678901}", "{\"a\":true}",
                "{\"c\":5}", "{\"c\":\"s\"}", "{\"a\":1e2}", "{\"a\":\"\"}", "{\"a\":null,\"b\":null,\"c\":null}", "{\"A\":1}"}) {
            assertThat(one(ABC, in)).as(in).isEqualTo("{null, null, null}");
        }
        assertThat(one(ABC, "{\"c\":{\"d\":\"1.5\"}}")).isEqualTo("{null, null, {null}}");
        assertThat(one(ABC, "{\"a\":\"x\",\"b\":\"keep\"}")).isEqualTo("{null, keep, null}");
        assertThat(one(ABC, "{\"b\":\"keep\",\"a\":\"x\"}")).isEqualTo("{null, keep, null}");
        assertThat(one(ABC, "{\"a\":1,\"b\":\"keep\",\"c\":{\"d\":\"bad\"}}")).isEqualTo("{1, keep, {null}}");
    }

    @Test void stringFieldsKeepTheJsonTextOfOtherValues() {
        assertThat(one(ABC, "{\"b\":12}")).isEqualTo("{null, 12, null}");
        assertThat(one(ABC, "{\"b\":1.50}")).isEqualTo("{null, 1.50, null}");
        assertThat(one(ABC, "{\"b\":1e400}")).isEqualTo("{null, 1e400, null}");
        assertThat(one(ABC, "{\"b\":0.1000000000000000055511151231257827}"))
                .isEqualTo("{null, 0.1000000000000000055511151231257827, null}");
        assertThat(one(ABC, "{\"b\":true}")).isEqualTo("{null, true, null}");
        assertThat(one(ABC, "{\"b\":{\"x\":1}}")).isEqualTo("{null, {\"x\":1}, null}");
        assertThat(one(ABC, "{\"b\":[1,2]}")).isEqualTo("{null, [1,2], null}");
    }

    @Test void textAfterTheFirstValueIsIgnoredAsInSpark() {
        assertThat(one(ABC, "{\"a\":1} trailing")).isEqualTo("{1, null, null}");
        assertThat(one(ABC, "{\"a\":1}{\"a\":2}")).isEqualTo("{1, null, null}");
    }

    @Test void repeatedKeyKeepsTheLastValue() {
        assertThat(one(ABC, "{\"a\":1,\"a\":2}")).isEqualTo("{2, null, null}");
    }

    @Test void failFastRaisesMalformedRecord() {
        for (String bad : new String[] {"{bad", "{\"a\":\"x\"}", "[1,2]", "null", "123"}) {
            assertThatThrownBy(() -> fromJson(ABC, opts("mode", "FAILFAST"), bad)).as(bad)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD));
        }
        assertThat(fromJson(ABC, opts("mode", "FAILFAST"), "{\"a\":1}", "{\"a\":1} trailing"))
                .containsExactly("{1, null, null}", "{1, null, null}");
    }

    @Test void dropMalformedIsRefused() {
        assertThatThrownBy(() -> fromJson(ABC, opts("mode", "DROPMALFORMED"), "{\"a\":1}"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void scalarSchemaIsRefused() {
        assertThatThrownBy(() -> fromJson("int", JsonOptions.DEFAULT, "1"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test void arrayOfStructsSchema() {
        String s = "array<struct<a:int>>";
        assertThat(fromJson(s, JsonOptions.DEFAULT, "[{\"a\":1}]", "{\"a\":1}", "[1]", "[{\"a\":1},5]", "[{\"a\":\"x\"}]",
                "[]", "{bad", "", "null", "[null]", "[{\"a\":1},{\"a\":2}]"))
                .containsExactly("[{1}]", "[{1}]", "NULL", "NULL", "[{null}]", "[]", "NULL", "NULL", "NULL", "[null]",
                        "[{1}, {2}]");
    }

    @Test void arrayOfIntsSchema() {
        assertThat(fromJson("array<int>", JsonOptions.DEFAULT, "[1,2]", "[1,\"x\"]", "[1,null]", "1", "[1.5]"))
                .containsExactly("[1, 2]", "NULL", "[1, null]", "NULL", "NULL");
    }

    @Test void mapSchema() {
        assertThat(fromJson("map<string,int>", JsonOptions.DEFAULT, "{\"x\":1,\"y\":2}", "{\"x\":\"no\"}",
                "{\"x\":\"no\",\"y\":2}", "{}", "[1]", "{bad", "{\"x\":null}"))
                .containsExactly("{x -> 1, y -> 2}", "NULL", "NULL", "{}", "NULL", "NULL", "{x -> null}");
        ColumnVector dup = FromJsonEvaluator.evaluate(strings("{\"x\":1,\"x\":2}"), type("map<string,int>"), JsonOptions.DEFAULT);
        assertThat(dup.arrayLength(0)).isEqualTo(2);
    }

    @Test void ddlColumnListSchema() {
        assertThat(fromJson("a INT, b STRING", JsonOptions.DEFAULT, "{\"a\":1,\"b\":\"x\"}", "{\"a\":\"x\",\"b\":\"y\"}"))
                .containsExactly("{1, x}", "{null, y}");
    }

    @Test void typedFieldsFollowSparkConversions() {
        String s = "ts timestamp, d date, dec decimal(10,2), bo boolean, l bigint, f float, db double, s string";
        assertThat(one(s, "{\"ts\":\"2026-10-01T00:00:00.123Z\"}")).startsWith("{2026-10-01T00:00:00.123Z, null");
        assertThat(one(s, "{\"ts\":\"2026-10-01T00:00:00.123+02:00\"}")).startsWith("{2026-09-30T22:00:00.123Z,");
        assertThat(one(s, "{\"ts\":1700000000}")).startsWith("{2023-11-14T22:13:20Z,");
        assertThat(one(s, "{\"ts\":1700000000.5}")).startsWith("{null, null,");
        assertThat(one(s, "{\"d\":\"2026-1-1\"}")).startsWith("{null, 2026-01-01,");
        assertThat(one(s, "{\"d\":20000}")).startsWith("{null, null,");
        assertThat(one(s, "{\"dec\":1.005}")).startsWith("{null, null, 1.01,");
        assertThat(one(s, "{\"dec\":123456789.99}")).startsWith("{null, null, null,");
        assertThat(one(s, "{\"bo\":\"true\"}")).startsWith("{null, null, null, null,");
        assertThat(one(s, "{\"l\":12345678901}")).isEqualTo("{null, null, null, null, 12345678901, null, null, null}");
        assertThat(one(s, "{\"f\":\"NaN\"}")).isEqualTo("{null, null, null, null, null, NaN, null, null}");
        assertThat(one(s, "{\"f\":1e40}")).isEqualTo("{null, null, null, null, null, Infinity, null, null}");
        assertThat(one(s, "{\"db\":1}")).isEqualTo("{null, null, null, null, null, null, 1.0, null}");
        assertThat(one(s, "{\"db\":\"1e3\"}")).isEqualTo("{null, null, null, null, null, null, null, null}");
        assertThat(one(s, "{\"s\":12345678901234567890}")).endsWith(", 12345678901234567890}");
        assertThat(one(s, "{\"s\":{\"k\": \"v\"}}")).endsWith(", {\"k\":\"v\"}}");
    }

    @Test void corruptRecordFieldReceivesTheTextOfBadRecords() {
        assertThat(fromJson("a INT, b STRING, _corrupt_record STRING", JsonOptions.DEFAULT,
                "{\"a\":1,\"b\":\"x\"}", "{bad", "{\"a\":\"x\",\"b\":\"y\"}", "", "[1]"))
                .containsExactly("{1, x, null}", "{null, null, {bad}", "{null, y, {\"a\":\"x\",\"b\":\"y\"}}", "NULL",
                        "{null, null, [1]}");
        assertThat(fromJson("a INT, bad_rec STRING", opts("columnNameOfCorruptRecord", "bad_rec"), "{bad", "{\"a\":2}"))
                .containsExactly("{null, {bad}", "{2, null}");
    }

    @Test void parserOptionsApply() {
        JsonOptions lenient = opts("allowNumericLeadingZeros", "true", "allowUnquotedFieldNames", "true", "allowComments", "true");
        assertThat(fromJson("a INT, b STRING", lenient, "{\"a\":01}", "{a:1}", "{\"a\":NaN}", "{\"a\":1, /*c*/ \"b\":\"x\"}",
                "{\"a\":\"1\"}")).containsExactly("{1, null}", "{1, null}", "{null, null}", "{1, x}", "{null, null}");
    }

    @Test void constantInputIsParsedOnce() {
        ColumnVector in = ConstantVector.of(DataTypes.STRING, "{\"a\":3}", 5);
        ColumnVector out = FromJsonEvaluator.evaluate(in, type(ABC), JsonOptions.DEFAULT);
        assertThat(out.size()).isEqualTo(5);
        assertThat(show(out, 4)).isEqualTo("{3, null, null}");
    }

    @Test void resultTypeIsTheSchema() {
        DataType s = type(ABC);
        assertThat(FromJsonEvaluator.evaluate(strings("{}"), s, JsonOptions.DEFAULT).type()).isEqualTo(s);
    }
}
