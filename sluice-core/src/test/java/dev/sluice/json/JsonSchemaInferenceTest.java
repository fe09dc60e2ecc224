package dev.sluice.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The oracle's inference cases ("Schema inference (no schema)"). */
class JsonSchemaInferenceTest {
    static String infer(JsonOptions options, String... lines) {
        List<JsonSchemaInference.Record> records = new ArrayList<>();
        for (String l : lines) records.add(JsonSchemaInference.Record.of(utf8(l)));
        return JsonSchemaInference.infer(records, options).simpleString();
    }

    static String infer(String... lines) { return infer(JsonOptions.DEFAULT, lines); }

    @Test void integersAreBigintAndWidenToDoubleOrDecimal() {
        assertThat(infer("{\"x\":1}", "{\"x\":2}")).isEqualTo("struct<x:bigint>");
        assertThat(infer("{\"x\":1}", "{\"x\":2.5}")).isEqualTo("struct<x:double>");
        assertThat(infer("{\"x\":1.0}", "{\"x\":1.5}")).isEqualTo("struct<x:double>");
        assertThat(infer("{\"x\":12345678901}")).isEqualTo("struct<x:bigint>");
        assertThat(infer("{\"x\":1}", "{\"x\":12345678901234567890}")).isEqualTo("struct<x:decimal(20,0)>");
    }

    @Test void conflictsBecomeString() {
        assertThat(infer("{\"x\":1}", "{\"x\":\"s\"}")).isEqualTo("struct<x:string>");
        assertThat(infer("{\"x\":1}", "{\"x\":true}")).isEqualTo("struct<x:string>");
        assertThat(infer("{\"x\":{\"p\":1}}", "{\"x\":\"str\"}")).isEqualTo("struct<x:string>");
        assertThat(infer("{\"x\":[1]}", "{\"x\":\"str\"}")).isEqualTo("struct<x:string>");
        assertThat(infer("{\"x\":[1]}", "{\"x\":5}")).isEqualTo("struct<x:string>");
    }

    @Test void nullsAndEmptyArraysBecomeStringAndEmptyStructsAreDropped() {
        assertThat(infer("{\"x\":null}", "{\"x\":null}")).isEqualTo("struct<x:string>");
        assertThat(infer("{\"x\":null}", "{\"x\":1}")).isEqualTo("struct<x:bigint>");
        assertThat(infer("{\"x\":[]}")).isEqualTo("struct<x:array<string>>");
        assertThat(infer("{\"x\":[null]}")).isEqualTo("struct<x:array<string>>");
        assertThat(infer("{\"x\":{}}")).isEqualTo("struct<>");
        assertThat(infer("{\"x\":\"\"}", "{\"x\":2}")).isEqualTo("struct<x:bigint>");
    }

    @Test void dropFieldIfAllNullLeavesNullOnlyFieldsOut() {
        assertThat(infer(opts("dropFieldIfAllNull", "true"), "{\"x\":null,\"y\":1,\"z\":[]}")).isEqualTo("struct<y:bigint>");
    }

    @Test void arraysAndStructsMerge() {
        assertThat(infer("{\"x\":[1,2.5]}", "{\"x\":[3]}")).isEqualTo("struct<x:array<double>>");
        assertThat(infer("{\"x\":{\"p\":1}}", "{\"x\":{\"q\":\"s\",\"p\":2}}")).isEqualTo("struct<x:struct<p:bigint,q:string>>");
    }

    @Test void fieldsAreSortedByNameAtEveryLevel() {
        assertThat(infer("{\"zeta\":1,\"alpha\":\"a\",\"Mid\":true,\"beta\":{\"z\":1,\"a\":2},\"_u\":1}"))
                .isEqualTo("struct<Mid:boolean,_u:bigint,alpha:string,beta:struct<a:bigint,z:bigint>,zeta:bigint>");
    }

    @Test void dateAndTimestampLookingStringsStayStringsAndSpecialNumbersAreDouble() {
        assertThat(infer("{\"x\":\"2026-10-01\",\"y\":\"2026-10-01T00:00:00Z\",\"z\":\"1.5\",\"w\":1.5,\"v\":1e400,\"u\":NaN}"))
                .isEqualTo("struct<u:double,v:double,w:double,x:string,y:string,z:string>");
    }

    @Test void namesDifferingOnlyInCaseAreOneFieldNamedAsFirstSeen() {
        assertThat(infer("{\"X\":1}", "{\"x\":2}")).isEqualTo("struct<X:bigint>");
    }

    @Test void malformedRecordsAddTheCorruptRecordFieldInPermissiveMode() {
        String[] mixed = JsonBatchBuilderTest.MIXED;
        // Spark infers a:string because `{"a":3} trailing` reads as a=3; here that line is malformed instead
        assertThat(infer(mixed)).isEqualTo("struct<_corrupt_record:string,a:string,b:string,extra:bigint>");
        assertThat(infer(opts("mode", "DROPMALFORMED"), mixed)).isEqualTo("struct<a:string,b:string,extra:bigint>");
        assertThat(infer(opts("columnNameOfCorruptRecord", "bad"), "{\"a\":1}", "{oops")).isEqualTo("struct<a:bigint,bad:string>");
        assertThat(infer("{\"a\":1}", "5")).isEqualTo("struct<_corrupt_record:string,a:bigint>");
    }

    @Test void failFastInferenceFailsOnAMalformedRecord() {
        assertThatThrownBy(() -> infer(opts("mode", "FAILFAST"), "{\"a\":1}", "{oops"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD));
    }

    @Test void topLevelArraysContributeTheirObjectsAndNullRecordsNothing() {
        assertThat(infer("[{\"a\":6},{\"a\":7,\"b\":\"arr\"}]", "null")).isEqualTo("struct<a:bigint,b:string>");
    }

    @Test void noRecordsGiveAnEmptySchema() {
        assertThat(infer()).isEqualTo("struct<>");
        assertThat(infer("", "  ")).isEqualTo("struct<>");
        assertThat(JsonSchemaInference.infer(List.of(), JsonOptions.DEFAULT)).isEqualTo(StructType.EMPTY);
    }

    @Test void prefersDecimalInfersDecimals() {
        assertThat(infer(opts("prefersDecimal", "true"), "{\"x\":1}", "{\"x\":2.5}")).isEqualTo("struct<x:decimal(21,1)>");
        assertThat(infer(opts("prefersDecimal", "true"), "{\"x\":\"1.25\"}")).isEqualTo("struct<x:decimal(3,2)>");
    }

    @Test void primitivesAsStringInfersStrings() {
        assertThat(infer(opts("primitivesAsString", "true"), "{\"a\":1,\"b\":true,\"c\":[1.5],\"d\":{\"e\":null}}"))
                .isEqualTo("struct<a:string,b:string,c:array<string>,d:struct<e:string>>");
    }

    @Test void recordsAreReadFromByteRanges() {
        byte[] buf = utf8("xx{\"a\":1}yy");
        JsonSchemaInference inference = new JsonSchemaInference(JsonOptions.DEFAULT);
        inference.add(buf, 2, 7);
        assertThat(inference.result().simpleString()).isEqualTo("struct<a:bigint>");
    }
}
