package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1, see /work/scratch/spark-oracle/out/fnlib_json.txt. */
class JsonFunctionsTest {
    static final String DOC = "{\"a\":{\"b\":[1,2,{\"c\":\"x\"}]}}";

    @Test void getJsonObjectWalksSparksPathSubset() {
        assertThat(eval("get_json_object", DOC, "$.a.b[2].c")).isEqualTo("x");
        assertThat(eval("get_json_object", DOC, "$.a")).isEqualTo("{\"b\":[1,2,{\"c\":\"x\"}]}");
        assertThat(eval("get_json_object", DOC, "$.a.b")).isEqualTo("[1,2,{\"c\":\"x\"}]");
        assertThat(eval("get_json_object", DOC, "$.a.b[*]")).isEqualTo("[1,2,{\"c\":\"x\"}]");
        assertThat(eval("get_json_object", DOC, "$.a.b[0]")).isEqualTo("1");
        assertThat(eval("get_json_object", DOC, "$.a.b[5]")).isNull();
        assertThat(eval("get_json_object", DOC, "$.a.b[*].c")).isEqualTo("\"x\"");
        assertThat(eval("get_json_object", "{\"a\":[{\"c\":\"x\"},{\"c\":\"y\"},{\"d\":1}]}", "$.a[*].c")).isEqualTo("[\"x\",\"y\"]");
        assertThat(eval("get_json_object", "{\"a\":[[1,2],[3]]}", "$.a[*][0]")).isEqualTo("[1,3]");
        assertThat(eval("get_json_object", "{\"a\":[[1,2],[3]]}", "$.a[*]")).isEqualTo("[[1,2],[3]]");
        assertThat(eval("get_json_object", "{\"a\":[[1,2],[3]]}", "$.a[*][*]")).isEqualTo("[1,2,3]");
        assertThat(eval("get_json_object", "{\"a\":[{\"b\":[1,2]},{\"b\":[3]}]}", "$.a[*].b")).isEqualTo("[[1,2],[3]]");
        assertThat(eval("get_json_object", "{\"a\":[{\"b\":[1,2]},{\"b\":[3]}]}", "$.a[*].b[*]")).isEqualTo("[[1,2],[3]]");
        assertThat(eval("get_json_object", "{\"a\":[{\"b\":[1,2]}]}", "$.a[*].b")).isEqualTo("[1,2]");
        assertThat(eval("get_json_object", "[{\"a\":1},{\"a\":2}]", "$[*].a")).isEqualTo("[1,2]");
        assertThat(eval("get_json_object", "[1,2,3]", "$[1]")).isEqualTo("2");
        assertThat(eval("get_json_object", "{\"a\":[1,[2,3]]}", "$.a[1]")).isEqualTo("[2,3]");
        assertThat(eval("get_json_object", "{\"a\":[]}", "$.a")).isEqualTo("[]");
        assertThat(eval("get_json_object", "{\"a\":[]}", "$.a[*]")).isNull();
        assertThat(eval("get_json_object", "{\"a\":[1]}", "$.a[*]")).isEqualTo("1");
        assertThat(eval("get_json_object", "{\"a\":{}}", "$.a")).isEqualTo("{}");
    }

    @Test void getJsonObjectPrintsValuesAsSpark() {
        assertThat(eval("get_json_object", "{ \"a\" : 1 , \"b\" : [ 1 , 2 ] }", "$")).isEqualTo("{\"a\":1,\"b\":[1,2]}");
        assertThat(eval("get_json_object", "{\"n\":1.50}", "$.n")).isEqualTo("1.5");
        assertThat(eval("get_json_object", "{\"n\":1e5}", "$.n")).isEqualTo("100000.0");
        assertThat(eval("get_json_object", "{\"a\":12345678901234567890123}", "$.a")).isEqualTo("12345678901234567890123");
        assertThat(eval("get_json_object", "{\"s\":\"a\\\"b\"}", "$.s")).isEqualTo("a\"b");
        assertThat(eval("get_json_object", "{\"s\":\"a\\u00e9b\"}", "$.s")).isEqualTo("aéb");
        assertThat(eval("get_json_object", "{\"a\":\"x\\ny\"}", "$.a")).isEqualTo("x\ny");
        assertThat(eval("get_json_object", "{\"a\":\"\\/x\"}", "$.a")).isEqualTo("/x");
        assertThat(eval("get_json_object", "{\"a\":true}", "$.a")).isEqualTo("true");
        assertThat(eval("get_json_object", "{\"a\":null}", "$.a")).isNull();
        assertThat(eval("get_json_object", "{\"a\":1,\"a\":2}", "$.a")).isEqualTo("1");
        assertThat(eval("get_json_object", "{'a':1}", "$.a")).isEqualTo("1");
        assertThat(eval("get_json_object", "{\"a\":1} x", "$.a")).isEqualTo("1");
        assertThat(eval("get_json_object", "  {\"a\":1}", "$.a")).isEqualTo("1");
    }

    @Test void getJsonObjectIsNullForBadInputOrPaths() {
        assertThat(eval("get_json_object", "{\"a\":1", "$.a")).isNull();
        assertThat(eval("get_json_object", "", "$.a")).isNull();
        assertThat(eval("get_json_object", "{\"a\":NaN}", "$.a")).isNull();
        assertThat(eval("get_json_object", "{\"a\":1}", "$.missing")).isNull();
        assertThat(eval("get_json_object", "{\"a\":1}", "$.A")).isNull();
        for (String bad : new String[] {"a", "$a", "$.", "", "$[\"a\"]", "$.*", "$.a ", "$..a", "$.a[-1]", "$.a[x]"}) {
            assertThat(eval("get_json_object", "{\"a\":[1]}", bad)).as(bad).isNull();
        }
        assertThat(eval("get_json_object", "{\"a\":1}", "$['a']")).isEqualTo("1");
        assertThat(eval("get_json_object", "{\"a b\":1}", "$['a b']")).isEqualTo("1");
        assertThat(eval("get_json_object", "{\"a.b\":1}", "$.a.b")).isNull();
        assertThat(eval("get_json_object", "{\"a\":{\"b\":1}}", "$.a.b.c")).isNull();
        assertThat(eval("get_json_object", "{\"a \":2}", "$.a ")).isEqualTo("2");   // the name runs to the next . or [
        assertThat(eval("get_json_object", null, "$.a")).isNull();
        assertThat(eval("get_json_object", "{\"a\":1}", null)).isNull();
        assertThat(sql("get_json_object", "s", "$.a")).isEqualTo("get_json_object(s, $.a)");
        assertThat(column("get_json_object", col("string", "{\"a\":1}", null, "{\"a\":\"z\"}", "bad"), "$.a"))
                .containsExactly("1", null, "z", null);
    }

    @Test void schemaOfJsonInfersFromAConstant() {
        assertThat(eval("schema_of_json", "{\"a\":1,\"b\":\"x\",\"c\":{\"d\":1.5}}")).isEqualTo("STRUCT<a: BIGINT, b: STRING, c: STRUCT<d: DOUBLE>>");
        assertThat(eval("schema_of_json", "[1,2]")).isEqualTo("ARRAY<BIGINT>");
        assertThat(eval("schema_of_json", "{\"a\":1.5e10}")).isEqualTo("STRUCT<a: DOUBLE>");
        assertThat(eval("schema_of_json", "1")).isEqualTo("BIGINT");
        assertThat(eval("schema_of_json", "\"x\"")).isEqualTo("STRING");
        assertThat(eval("schema_of_json", "{\"a\":{\"b\":[{\"c\":true}]}}")).isEqualTo("STRUCT<a: STRUCT<b: ARRAY<STRUCT<c: BOOLEAN>>>>");
        assertThat(eval("schema_of_json", "{}")).isEqualTo("STRUCT<>");
        assertThat(eval("schema_of_json", "[]")).isEqualTo("ARRAY<STRING>");
        assertThat(eval("schema_of_json", "{\"a\":[1, \"x\"]}")).isEqualTo("STRUCT<a: ARRAY<STRING>>");
        assertThat(eval("schema_of_json", "{\"a\":[1, 1.5]}")).isEqualTo("STRUCT<a: ARRAY<DOUBLE>>");
        assertThat(eval("schema_of_json", "{\"a\":NaN}")).isEqualTo("STRUCT<a: DOUBLE>");
        assertThat(eval("schema_of_json", "{\"a\":12345678901234567890}")).isEqualTo("STRUCT<a: DECIMAL(20,0)>");
        assertThat(eval("schema_of_json", "{\"b\":1,\"a\":2}")).isEqualTo("STRUCT<a: BIGINT, b: BIGINT>");
        assertThat(eval("schema_of_json", "null")).isEqualTo("STRING");
        fails(ErrorCode.MALFORMED_RECORD, "schema_of_json", "bad");
        fails(ErrorCode.INVALID_ARGUMENT, "schema_of_json", col("string", "{}"));
        fails(ErrorCode.TYPE_MISMATCH, "schema_of_json", (Object) null);
    }
}
