package dev.sluice.types;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import static dev.sluice.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlParserTest {
    private static final String WORKLOAD = """
            struct<user: struct<id: bigint, country: string, plan: string>,
                   items: array<struct<sku: string, qty: int, price: double>>,
                   error: struct<code: string, message: string>>""";

    @Test void collatedStringTypesParseAndPrintAsSpark() {
        assertThat(DdlParser.parseSchema("a STRING COLLATE UTF8_BINARY NOT NULL, b string collate SYSTEM.BUILTIN.utf8_binary"))
                .isEqualTo(new StructType(java.util.List.of(new StructField("a", STRING, false), new StructField("b", STRING, true))));
        DataType lcase = DdlParser.parseType("string collate utf8_lcase");
        assertThat(lcase).isEqualTo(StringType.of(Collation.UTF8_LCASE)).isNotEqualTo(STRING);
        assertThat(lcase.simpleString()).isEqualTo("string collate UTF8_LCASE");
        assertThat(lcase.sql()).isEqualTo("STRING COLLATE UTF8_LCASE");
        StructType s = DdlParser.parseSchema("a STRING COLLATE unicode_ci, b ARRAY<STRING COLLATE de_ai>");
        assertThat(s.simpleString()).isEqualTo("struct<a:string collate UNICODE_CI,b:array<string collate de_AI>>");
        assertThat(DdlParser.parseSchema(s.simpleString().substring("struct<".length(), s.simpleString().length() - 1).replace(":", " ")))
                .isEqualTo(s);
        assertThatThrownBy(() -> DdlParser.parseSchema("a STRING COLLATE NO_SUCH"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLATION_INVALID_NAME));
        try (dev.sluice.Sluice sluice = dev.sluice.Sluice.builder().build()) {
            assertThat(sluice.sql("SELECT CAST('a' AS STRING COLLATE UTF8_BINARY) = 'A', typeof(CAST('a' AS STRING COLLATE UTF8_BINARY)), "
                            + "CAST('a' AS STRING COLLATE UNICODE_CI) = 'A'")
                    .collect().get(0).values()).containsExactly(false, "string", true);
        }
    }

    @Test void parsesTheStructForm() {
        StructType s = StructType.fromDDL(WORKLOAD);
        assertThat(s.simpleString()).isEqualTo("struct<user:struct<id:bigint,country:string,plan:string>,"
                + "items:array<struct<sku:string,qty:int,price:double>>,error:struct<code:string,message:string>>");
    }

    @Test void parsesTheColumnListForm() {
        StructType s = StructType.fromDDL("id BIGINT, name STRING NOT NULL COMMENT 'who', `a.b` decimal(10,2), d DATE, t TIMESTAMP");
        assertThat(s.fields()).containsExactly(
                new StructField("id", LONG, true), new StructField("name", STRING, false),
                new StructField("a.b", decimal(10, 2), true), StructField.of("d", DATE), StructField.of("t", TIMESTAMP));
    }

    @Test void acceptsSparkTypeAliases() {
        assertThat(DdlParser.parseType("integer")).isEqualTo(INT);
        assertThat(DdlParser.parseType("long")).isEqualTo(LONG);
        assertThat(DdlParser.parseType("decimal")).isEqualTo(decimal(10, 0));
        assertThat(DdlParser.parseType("varchar(10)")).isEqualTo(STRING);
        assertThat(DdlParser.parseType("map<string, array<int>>")).isEqualTo(map(STRING, array(INT)));
        assertThat(DdlParser.parseType("a INT, b STRING")).isEqualTo(struct(field("a", INT), field("b", STRING)));
    }

    @Test void badSchemaStringIsACodedError() {
        for (String bad : new String[] {"struct<a:int", "a INTT", "", "a INT,", "decimal(40,2)", "map<string>"}) {
            assertThatThrownBy(() -> DdlParser.parseType(bad)).as(bad)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        }
    }

    @Test void printsSchemaTreesAsSpark() {
        StructType s = StructType.fromDDL("id BIGINT, tags ARRAY<STRING>, m MAP<STRING, STRUCT<x: INT>>, c STRUCT<d: DECIMAL(10,2)>");
        assertThat(s.treeString()).isEqualTo("""
                root
                 |-- id: long (nullable = true)
                 |-- tags: array (nullable = true)
                 |    |-- element: string (containsNull = true)
                 |-- m: map (nullable = true)
                 |    |-- key: string
                 |    |-- value: struct (valueContainsNull = true)
                 |    |    |-- x: integer (nullable = true)
                 |-- c: struct (nullable = true)
                 |    |-- d: decimal(10,2) (nullable = true)
                """);
    }

    @Test void roundTripsThroughDdl() {
        StructType s = StructType.fromDDL(WORKLOAD);
        assertThat(StructType.fromDDL(s.toDDL())).isEqualTo(s);
        assertThat(StructType.fromDDL(s.simpleString())).isEqualTo(s);
    }
}
