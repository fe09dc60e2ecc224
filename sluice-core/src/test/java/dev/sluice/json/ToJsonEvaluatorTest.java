package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

/** The oracle's to_json cases. */
class ToJsonEvaluatorTest {
    static String toJson(DataType type, Object value, JsonOptions options) {
        ColumnVector v = Vectors.of(type, Arrays.asList(value));
        ColumnVector out = ToJsonEvaluator.evaluate(v, options);
        return out.isNull(0) ? null : out.getString(0);
    }

    static String toJson(String ddl, JsonOptions options, Object... fieldValues) {
        StructType s = (StructType) type(ddl);
        return toJson(s, new Row(s, fieldValues), options);
    }

    static String toJson(String ddl, Object... fieldValues) { return toJson(ddl, JsonOptions.DEFAULT, fieldValues); }

    @Test void nullFieldsAreOmittedByDefault() {
        assertThat(toJson("struct<a:int,b:string,c:string>", 1, null, "x")).isEqualTo("{\"a\":1,\"c\":\"x\"}");
        assertThat(toJson("struct<a:string>", (Object) null)).isEqualTo("{}");
        assertThat(toJson("struct<a:string>", opts("ignoreNullFields", "false"), (Object) null)).isEqualTo("{\"a\":null}");
    }

    @Test void nullStructGivesNull() {
        assertThat(toJson(type("struct<a:int>"), null, JsonOptions.DEFAULT)).isNull();
    }

    @Test void doublesAndFloatsPrintAsJava() {
        assertThat(toJson("struct<d1:double,d2:double,d3:double,d4:double,d5:double,d6:double,f:float,f2:float,d7:double,d8:double,d9:double>",
                1.0, 1e10, 1.0E-5, Double.NaN, Double.POSITIVE_INFINITY, 0.1 + 0.2, 0.1f, 1.5f, -0.0, 1e7, 123456789.123))
                .isEqualTo("{\"d1\":1.0,\"d2\":1.0E10,\"d3\":1.0E-5,\"d4\":\"NaN\",\"d5\":\"Infinity\",\"d6\":0.30000000000000004,"
                        + "\"f\":0.1,\"f2\":1.5,\"d7\":-0.0,\"d8\":1.0E7,\"d9\":1.23456789123E8}");
    }

    @Test void timestampsAndDatesUseSparkDefaultFormatsInUtc() {
        assertThat(toJson("struct<ts:timestamp,ts2:timestamp,ts3:timestamp,d:date>",
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T12:34:56.123456Z"),
                Instant.parse("2026-10-01T12:34:56.1Z"), LocalDate.of(2026, 10, 1)))
                .isEqualTo("{\"ts\":\"2026-10-01T00:00:00.000Z\",\"ts2\":\"2026-10-01T12:34:56.123Z\","
                        + "\"ts3\":\"2026-10-01T12:34:56.100Z\",\"d\":\"2026-10-01\"}");
        assertThat(toJson("struct<ts:timestamp>", opts("timestampFormat", "yyyy-MM-dd"), Instant.parse("2026-10-01T00:00:00Z")))
                .isEqualTo("{\"ts\":\"2026-10-01\"}");
        assertThat(toJson("struct<ts:timestamp>", Instant.parse("1969-12-31T23:59:59.9995Z")))
                .isEqualTo("{\"ts\":\"1969-12-31T23:59:59.999Z\"}");
    }

    @Test void arraysAndMapsWriteTheirNulls() {
        assertThat(toJson("struct<arr:array<int>,sarr:array<string>,e:array<int>>",
                Arrays.asList(1, null, 3), Arrays.asList("a", null), List.of()))
                .isEqualTo("{\"arr\":[1,null,3],\"sarr\":[\"a\",null],\"e\":[]}");
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k", 1);
        m.put("z", null);
        assertThat(toJson("struct<m:map<string,int>>", m)).isEqualTo("{\"m\":{\"k\":1,\"z\":null}}");
    }

    @Test void nestedNullFieldsAreOmittedToo() {
        StructType inner = (StructType) type("struct<x:int,y:array<struct<z:int>>>");
        StructType z = (StructType) type("struct<z:int>");
        Row n = new Row(inner, new Object[] {null, List.of(new Row(z, new Object[] {1}))});
        assertThat(toJson("struct<n:struct<x:int,y:array<struct<z:int>>>>", n)).isEqualTo("{\"n\":{\"y\":[{\"z\":1}]}}");
        assertThat(toJson("struct<a:array<struct<x:int>>>", Arrays.asList((Object) null))).isEqualTo("{\"a\":[null]}");
    }

    @Test void decimalsKeepTheirScaleAndJavaNotation() {
        assertThat(toJson("struct<dec:decimal(10,2),dec2:decimal(4,3),dec3:decimal(38,0),dec4:decimal(9,8)>",
                new BigDecimal("1.00"), new BigDecimal("1.005"), new BigDecimal("100000000000000000000"), new BigDecimal("1E-8")))
                .isEqualTo("{\"dec\":1.00,\"dec2\":1.005,\"dec3\":100000000000000000000,\"dec4\":1E-8}");
    }

    @Test void stringsAreEscapedAsJacksonDoesAndBinaryIsBase64() {
        assertThat(toJson("struct<b:boolean,bin:binary,l:bigint,s:string>", true, new byte[] {0x41, (byte) 0xFF},
                12345678901L, "q\"uote\\back\nnl\ttab/é😀\u0001"))
                .isEqualTo("{\"b\":true,\"bin\":\"Qf8=\",\"l\":12345678901,\"s\":\"q\\\"uote\\\\back\\nnl\\ttab/é😀\\u0001\"}");
    }

    @Test void arraysAndMapsAtTheTop() {
        StructType a = (StructType) type("struct<a:int>");
        assertThat(toJson(type("array<struct<a:int>>"), List.of(new Row(a, new Object[] {1}), new Row(a, new Object[] {2})),
                JsonOptions.DEFAULT)).isEqualTo("[{\"a\":1},{\"a\":2}]");
        assertThat(toJson(type("array<int>"), List.of(1, 2), JsonOptions.DEFAULT)).isEqualTo("[1,2]");
        assertThat(toJson(type("map<int,string>"), Map.of(1, "a"), JsonOptions.DEFAULT)).isEqualTo("{\"1\":\"a\"}");
        StructType x = (StructType) type("struct<x:int>");
        assertThat(toJson(type("map<string,struct<x:int>>"), Map.of("a", new Row(x, new Object[] {1})), JsonOptions.DEFAULT))
                .isEqualTo("{\"a\":{\"x\":1}}");
    }

    @Test void fieldNamesDifferingInCaseAreBothWritten() {
        assertThat(toJson("struct<a:int,A:int>", 1, 2)).isEqualTo("{\"a\":1,\"A\":2}");
    }

    @Test void nullRowsStayNullAndConstantInputStaysConstant() {
        StructType s = (StructType) type("struct<a:int>");
        ColumnVector v = Vectors.of(s, Arrays.asList(new Row(s, new Object[] {1}), null, new Row(s, new Object[] {null})));
        ColumnVector out = ToJsonEvaluator.evaluate(v, JsonOptions.DEFAULT);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) texts.add(out.isNull(i) ? null : out.getString(i));
        assertThat(texts).containsExactly("{\"a\":1}", null, "{}");
        ColumnVector c = ToJsonEvaluator.evaluate(ConstantVector.of(s, new Row(s, new Object[] {4}), 3), JsonOptions.DEFAULT);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.getString(2)).isEqualTo("{\"a\":4}");
    }

    @Test void toJsonThenFromJsonRoundTrips() {
        StructType s = (StructType) type("struct<a:int,b:array<string>,c:struct<d:double,t:timestamp>>");
        StructType c = (StructType) type("struct<d:double,t:timestamp>");
        Row row = new Row(s, new Object[] {7, Arrays.asList("x", null), new Row(c, new Object[] {2.5, Instant.parse("2026-10-01T01:02:03.456Z")})});
        ColumnVector json = ToJsonEvaluator.evaluate(Vectors.of(s, List.of(row)), JsonOptions.DEFAULT);
        ColumnVector back = FromJsonEvaluator.evaluate(json, s, JsonOptions.DEFAULT);
        assertThat(back.getObject(0)).isEqualTo(row);
    }
}
