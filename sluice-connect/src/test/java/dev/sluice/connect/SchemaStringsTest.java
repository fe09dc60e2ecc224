package dev.sluice.connect;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaStringsTest {
    @Test
    void ddlAndSparkJsonGiveTheSameSchema() {
        StructType ddl = SchemaStrings.parseSchema("a INT, b ARRAY<STRING>, c MAP<STRING, DOUBLE>, d STRUCT<x: BIGINT>");
        String json = "{\"type\":\"struct\",\"fields\":["
                + "{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"b\",\"type\":{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true},\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"c\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"double\",\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"d\",\"type\":{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}]}";
        assertThat(SchemaStrings.parseSchema(json)).isEqualTo(ddl);
        assertThat(SchemaStrings.parseSchema(SchemaStrings.toJson(ddl))).isEqualTo(ddl);
    }

    @Test
    void aSingleTypeParsesToo() {
        assertThat(SchemaStrings.parseType("decimal(10,2)")).isEqualTo(DataTypes.decimal(10, 2));
        assertThat(SchemaStrings.parseType("\"string\"")).isEqualTo(DataTypes.STRING);
    }

    @Test
    void notNullFieldsKeepTheirNullability() {
        String json = "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}]}";
        assertThat(SchemaStrings.parseSchema(json).field(0).nullable()).isFalse();
    }

    @Test
    void badSchemasAreInvalidSchemaErrors() {
        assertThatThrownBy(() -> SchemaStrings.parseSchema("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"wat\"}]}"))
                .isInstanceOf(SluiceException.class);
        assertThatThrownBy(() -> SchemaStrings.parseSchema("{\"type\":\"udt\"}"))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThatThrownBy(() -> SchemaStrings.parseSchema("{\"type\":"))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_SCHEMA));
    }

    @Test
    void collatedStringsTravelInTheCollationsMetadataAsSparkWritesThem() {
        String json = "{\"type\":\"struct\",\"fields\":[{\"name\":\"c1\",\"type\":\"string\",\"nullable\":true,"
                + "\"metadata\":{\"__COLLATIONS\":{\"c1\":\"spark.UTF8_LCASE\"}}},{\"name\":\"c2\",\"type\":{\"type\":\"array\","
                + "\"elementType\":\"string\",\"containsNull\":true},\"nullable\":true,\"metadata\":{\"__COLLATIONS\":{\"c2.element\":\"icu.UNICODE_CI\"}}}]}";
        StructType expected = dev.sluice.types.DdlParser.parseSchema("c1 STRING COLLATE UTF8_LCASE, c2 ARRAY<STRING COLLATE UNICODE_CI>");
        assertThat(SchemaStrings.parseSchema(json)).isEqualTo(expected);
        assertThat(SchemaStrings.toJson(expected)).isEqualTo(json);
    }
}
