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

/** Glue's xml format (rowTag, attributes, valueTag, repeated elements, typed values) read with StAX. */
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
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("dynamodb", Map.of("dynamodb.input.tableName", "t"), null))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }
}
