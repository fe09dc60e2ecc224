package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Glue's xml format (rowTag, attributes, valueTag, repeated elements, typed values, withSchema) streamed with StAX. */
class XmlFormatTest extends GlueTestBase {
    private DynamicFrame xml(String name, String content, Map<String, String> formatOptions) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "xml", formatOptions, "");
    }

    private static final String BOOKS = """
            <?xml version="1.0"?>
            <catalog>
              <book id="bk101"><author>Gambardella</author><price>44.95</price><year>2000</year><tag>a</tag><tag>b</tag></book>
              <book id="bk102"><author>Ralls</author><price currency="USD">5</price><year>unknown</year></book>
            </catalog>
            """;

    @Test void rowsAttributesValuesAndRepeatedElements() throws Exception {
        DynamicFrame f = xml("books.xml", BOOKS, Map.of("rowTag", "book"));
        assertThat(f.schemaString()).isEqualTo("""
                root
                |-- _id: string
                |-- author: string
                |-- price: choice
                |    |-- double
                |    |-- struct
                |    |    |-- _currency: string
                |    |    |-- _VALUE: int
                |-- year: choice
                |    |-- int
                |    |-- string
                |-- tag: array
                |    |-- element: string
                """);
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.resolveChoice("make_cols").selectFields("_id", "price_struct").collect()).extracting(DynamicRecord::toJson)
                .containsExactlyInAnyOrder("{\"_id\":\"bk101\"}", "{\"_id\":\"bk102\",\"price_struct\":{\"_currency\":\"USD\",\"_VALUE\":5}}");
    }

    @Test void optionsRenameOrDropAttributesAndNullEmptyValues() throws Exception {
        DynamicFrame f = xml("r.xml", "<rows><r a=\"1\"><v></v><w> x </w></r></rows>",
                Map.of("rowTag", "r", "attributePrefix", "@", "treatEmptyValuesAsNulls", "true", "ignoreSurroundingSpaces", "true"));
        assertThat(jsonOf(f)).containsExactly("{\"@a\":1,\"w\":\"x\"}");
        DynamicFrame g = xml("s.xml", "<rows><r a=\"1\">t</r></rows>", Map.of("rowTag", "r", "excludeAttribute", "true", "valueTag", "text"));
        assertThat(jsonOf(g)).containsExactly("{\"text\":\"t\"}");
    }

    @Test void aMalformedFileIsOneErrorRecordNamingFileAndLine() throws Exception {
        DynamicFrame good = xml("good.xml", BOOKS, Map.of("rowTag", "book"));
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<catalog>\n<book><author>x</author>\n</catalog>");
        DynamicFrame f = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.resolve("good.xml").toString(), bad.toString())),
                "xml", Map.of("rowTag", "book"), "");
        assertThat(f.count()).isEqualTo(good.count());
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat((String) errors.get(0).getField("error.msg")).startsWith("malformed XML at line 3");
        assertThat(errors.get(0).getField("error.source")).isEqualTo(bad.toString());
    }

    @Test void rowTagIsRequiredAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> xml("x.xml", "<a/>", Map.of()))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> xml("y.xml", "<a/>", Map.of("rowTag", "a", "withSchema", "{}")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        assertThatThrownBy(() -> xml("z.xml", "<a/>", Map.of("rowTag", "a", "withSchema", "{\"dataType\": \"int\"}")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("dynamodb", Map.of("dynamodb.input.tableName", "t"), null))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    /** Glue's withSchema example: a schema built with awsglue.gluetypes (a choice declared up front), as JSON. */
    private static final String GLUE_SCHEMA = """
            {"dataType": "struct", "properties": {}, "fields": [
              {"name": "id", "container": {"dataType": "int", "properties": {}}, "properties": {}},
              {"name": "name", "container": {"dataType": "string", "properties": {}}, "properties": {}},
              {"name": "nested", "container": {"dataType": "struct", "properties": {}, "fields": [
                {"name": "x", "container": {"dataType": "int", "properties": {}}, "properties": {}},
                {"name": "y", "container": {"dataType": "string", "properties": {}}, "properties": {}},
                {"name": "z", "container": {"dataType": "choice", "properties": {},
                  "choices": [{"dataType": "int", "properties": {}}, {"dataType": "string", "properties": {}}]}, "properties": {}}]},
               "properties": {}},
              {"name": "tags", "container": {"dataType": "array", "properties": {}, "elementType": {"dataType": "string", "properties": {}}},
               "properties": {}}]}
            """;

    private static final String ROWS = """
            <rows>
              <row><id>1</id><name>007</name><nested><x>5</x><y>12</y><z>3</z></nested><tags>a</tags><extra>not in the schema</extra></row>
              <row><id>2</id><name>b</name><nested><x>6</x><y>y</y><z>zz</z></nested><tags>a</tags><tags>b</tags></row>
              <row><id>x3</id><name>c</name></row>
            </rows>
            """;

    @Test void withSchemaTypesTheRecordsAndDeclaresChoices() throws Exception {
        DynamicFrame f = xml("rows.xml", ROWS, Map.of("rowTag", "row", "withSchema", GLUE_SCHEMA));
        assertThat(f.schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- name: string
                |-- nested: struct
                |    |-- x: int
                |    |-- y: string
                |    |-- z: choice
                |    |    |-- int
                |    |    |-- string
                |-- tags: array
                |    |-- element: string
                """);
        assertThat(jsonOf(f)).containsExactly(
                "{\"id\":1,\"name\":\"007\",\"nested\":{\"x\":5,\"y\":\"12\",\"z\":3},\"tags\":[\"a\"]}",
                "{\"id\":2,\"name\":\"b\",\"nested\":{\"x\":6,\"y\":\"y\",\"z\":\"zz\"},\"tags\":[\"a\",\"b\"]}");
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.line")).isEqualTo(4L);
        assertThat((String) errors.get(0).getField("error.msg")).contains("field id");
    }

    @Test void withSchemaAlsoTakesSparksSchemaJson() throws Exception {
        String spark = "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";
        DynamicFrame f = xml("rows2.xml", "<rows><row><id>1</id><name>a</name></row></rows>", Map.of("rowTag", "row", "withSchema", spark));
        assertThat(f.schemaString()).isEqualTo("root\n|-- id: long\n|-- name: string\n");
        assertThat(jsonOf(f)).containsExactly("{\"id\":1,\"name\":\"a\"}");
    }

    @Test void recordsAreStreamedNotReadWhole() throws Exception {
        Path big = dir.resolve("big.xml");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("<rows>\n");
            for (int i = 0; i < 200_000; i++) w.write("<row><id>" + i + "</id><pad>" + "x".repeat(80) + "</pad></row>\n");
            w.write("</rows>\n");
        }
        dev.sluice.io.CountingStorage storage = dev.sluice.io.CountingStorage.local();
        try (dev.sluice.Sluice s = dev.sluice.Sluice.builder().parallelism(2).storage(storage).memoryBudget(8L << 20).build()) {
            GlueContext g = GlueContext.builder(s).bookmarks(dir.resolve("bm")).build();
            String schema = "{\"dataType\": \"struct\", \"fields\": [{\"name\": \"id\", \"container\": {\"dataType\": \"long\"}}]}";
            DynamicFrame f = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(big.toString())), "xml",
                    Map.of("rowTag", "row", "withSchema", schema), "");
            assertThat(f.take(3)).hasSize(3);
            assertThat(storage.bytesRead()).as("a few records need only the file's start").isLessThan(Files.size(big) / 4);
            assertThat(f.count()).isEqualTo(200_000);
        }
    }

    @Test void recordsBeforeAMalformedPartAreRead() throws Exception {
        DynamicFrame f = xml("half.xml", "<rows>\n<row><v>1</v></row>\n<row><v>2</v></row>\n<row><v>3</row>\n<row><v>4</v></row>\n</rows>",
                Map.of("rowTag", "row"));
        assertThat(jsonOf(f)).containsExactly("{\"v\":1}", "{\"v\":2}");
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.line")).isEqualTo(4L);
    }

    @Test void gzippedFilesAreStreamedToo() throws Exception {
        Path gz = dir.resolve("rows.xml.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("<rows><row><v>1</v></row><row><v>2</v></row></rows>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        DynamicFrame f = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(gz.toString())), "xml", Map.of("rowTag", "row"), "");
        assertThat(jsonOf(f)).containsExactly("{\"v\":1}", "{\"v\":2}");
    }
}
