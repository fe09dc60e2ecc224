package dev.sluice.io.xml;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The XML file format: records found by rowTag, Spark's conversions, modes, round trips, options, safety. */
class XmlFileFormatTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(3).build();
        sluice.conf().set("spark.sql.session.timeZone", "UTC");
    }

    @AfterAll static void stop() { sluice.close(); }

    static Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.toString());
        return out;
    }

    static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test void findsRecordsPastCommentsCdataDeclarationsAndNestedRowTags() throws IOException {
        Path p = file("tricky.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE doc [ <!ELEMENT r ANY> ]>
                <doc>
                  <!-- <r><v>not a record</v></r> -->
                  <r a="x>y"><v>1</v></r>
                  <![CDATA[ <r><v>not a record either</v></r> ]]>
                  <?pi <r> ?>
                  <r><v>2</v><r><v>inner</v></r></r>
                  <rr><v>no</v></rr>
                  <r a='3'/>
                </doc>
                """);
        DataFrame df = sluice.read().schema("_a STRING, v STRING, r STRUCT<v: STRING>").option("rowTag", "r").xml(p.toString());
        assertThat(rows(df)).containsExactly("[x>y,1,null]", "[null,2,[inner]]", "[3,null,null]");
    }

    @Test void aRecordTheFileEndsInsideIsMalformedNotLost() throws IOException {
        Path p = file("cut.xml", "<rows>\n<r><a>1</a></r>\n<r><a>2</a>");
        DataFrame df = sluice.read().schema("a INT, _corrupt_record STRING").option("rowTag", "r").xml(p.toString());
        assertThat(rows(df)).containsExactly("[1,null]", "[null,<r><a>2</a>]");
        SluiceException e = (SluiceException) org.assertj.core.api.Assertions.catchThrowable(() ->
                sluice.read().schema("a INT").option("rowTag", "r").option("mode", "FAILFAST").xml(p.toString()).collect());
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
        assertThat(e.getMessage()).contains("cut.xml:3", "byte 23");
    }

    @Test void inferenceAddsTheCorruptColumnForMalformedRecords() throws IOException {
        Path p = file("inferbad.xml", "<x><r><a>1</a></r><r><a>2</b></r></x>");
        DataFrame df = sluice.read().option("rowTag", "r").xml(p.toString());
        assertThat(df.schema().simpleString()).isEqualTo("struct<_corrupt_record:string,a:bigint>");
        assertThat(rows(df)).containsExactly("[null,1]", "[<r><a>2</b></r>,null]");
        assertThat(code(() -> sluice.read().option("rowTag", "r").option("mode", "FAILFAST").xml(p.toString())))
                .isEqualTo(ErrorCode.MALFORMED_RECORD);
    }

    @Test void refusesDtdsAndExternalEntities() throws IOException {
        Path secret = file("secret.txt", "TOP SECRET");
        Path p = file("xxe.xml", "<x><r><a>ok</a></r><r><!DOCTYPE r [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><a>&e;</a></r>"
                + "<r><a>&undefined;</a></r></x>");
        DataFrame df = sluice.read().schema("a STRING, _corrupt_record STRING").option("rowTag", "r").xml(p.toString());
        List<Row> got = df.collect();
        assertThat(got).hasSize(3);
        assertThat(got.get(0).get(0)).isEqualTo("ok");
        for (Row r : got) assertThat(String.valueOf(r.get(0))).doesNotContain("TOP SECRET");
        assertThat(got.get(1).get(1)).isNotNull();
        assertThat(got.get(2).get(1)).isNotNull();
    }

    @SuppressWarnings("unchecked")
    @Test void explicitSchemaConvertsAsSpark() throws IOException {
        Path p = file("typed.xml", """
                <rows>
                  <r id="1"><b>1</b><d>2024-02-29</d><t>2024-02-29T10:00:00Z</t><m k="v"><x>1</x><y>2</y></m><s><i>in</i></s><dec>1.255</dec><e></e></r>
                  <r id="2"><b>false</b><d/><t>2024-03-01 00:00:00</t><s>plain</s><dec>2</dec></r>
                </rows>
                """);
        DataFrame df = sluice.read().schema("_id INT, b BOOLEAN, d DATE, t TIMESTAMP, m MAP<STRING, STRING>, s STRING, dec DECIMAL(5,2), e STRING")
                .option("rowTag", "r").xml(p.toString());
        List<Row> got = df.collect();
        assertThat(got.get(0).get(1)).isEqualTo(true);
        assertThat(got.get(0).get(2)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(got.get(0).get(3)).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat((Map<Object, Object>) got.get(0).get(4)).containsEntry("_k", "v").containsEntry("x", "1").containsEntry("y", "2");
        assertThat(got.get(0).get(5)).isEqualTo("<i>in</i>");   // a string field holding elements: its inner XML
        assertThat(got.get(0).get(6)).isEqualTo(new BigDecimal("1.26"));
        assertThat(got.get(0).get(7)).isEqualTo("");            // an empty element is "" for a string, as Spark
        assertThat(got.get(1).get(2)).isNull();
        assertThat(got.get(1).get(3)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(got.get(1).get(5)).isEqualTo("plain");
    }

    @Test void wildcardColumnKeepsUnmatchedElements() throws IOException {
        Path p = file("wild.xml", "<x><r><a>1</a><b k=\"1\">B</b><c>C</c></r></x>");
        DataFrame df = sluice.read().schema("a INT, xs_any ARRAY<STRING>").option("rowTag", "r").xml(p.toString());
        assertThat(rows(df)).containsExactly("[1,[<b k=\"1\">B</b>, <c>C</c>]]");
    }

    static final StructType ROUND = DdlParser.parseSchema("id BIGINT, name STRING, _lang STRING, price DOUBLE, day DATE, "
            + "at TIMESTAMP, amount DECIMAL(10,2), tags ARRAY<STRING>, "
            + "item STRUCT<_sku: STRING, qty BIGINT, notes ARRAY<STRUCT<_VALUE: STRING, _by: STRING>>>");

    static List<Row> roundRows() {
        StructType item = (StructType) ROUND.field(8).dataType();
        StructType note = (StructType) ((dev.sluice.types.ArrayType) item.field(2).dataType()).elementType();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(ROUND, 1L, "A & <B>", "en", 1.5, LocalDate.of(2026, 1, 2), Instant.parse("2026-01-02T03:04:05.678Z"),
                new BigDecimal("12.34"), List.of("x", "y"), Row.of(item, "s-1", 3L, List.of(Row.of(note, "fine", "ann"), Row.of(note, "ok", null)))));
        rows.add(Row.of(ROUND, 2L, "quote \" and ' ünï", null, null, null, null, null, List.of("z"), null));
        return rows;
    }

    @Test void roundTripsThroughFilesWithTheSameSchema() throws IOException {
        Path out = dir.resolve("round");
        sluice.createDataFrame(roundRows(), ROUND).write().option("rowTag", "book").option("rootTag", "books").xml(out.toString());
        List<Row> back = new ArrayList<>(sluice.read().schema(ROUND).option("rowTag", "book").xml(out.toString()).collect());
        back.sort(Comparator.comparing(r -> (Long) r.get(0)));
        assertThat(back).isEqualTo(roundRows());
        // and inference reads the same values back (with its own types and field order)
        DataFrame inferred = sluice.read().option("rowTag", "book").xml(out.toString());
        assertThat(inferred.schema().simpleString()).isEqualTo("struct<_lang:string,amount:double,at:timestamp,day:date,id:bigint,"
                + "item:struct<_sku:string,notes:array<struct<_VALUE:string,_by:string>>,qty:bigint>,name:string,price:double,tags:array<string>>");
    }

    @Test void writesSparksLayout() throws IOException {
        StructType schema = DdlParser.parseSchema("age BIGINT, name STRING, _id INT, nums ARRAY<ARRAY<INT>>");
        Path out = dir.resolve("layout");
        sluice.createDataFrame(List.of(Row.of(schema, 100L, "Hyukjin Kwon", 7, List.of(List.of(1, 2), List.of(3)))), schema)
                .repartition(1).write().option("rowTag", "person").xml(out.toString());
        assertThat(text(out)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <ROWS>
                    <person id="7">
                        <age>100</age>
                        <name>Hyukjin Kwon</name>
                        <nums>
                            <item>1</item>
                            <item>2</item>
                        </nums>
                        <nums>
                            <item>3</item>
                        </nums>
                    </person>
                </ROWS>""");
    }

    @Test void writesNullValueCompressionAndDeclarationOptions() throws IOException {
        StructType schema = DdlParser.parseSchema("a STRING, _b STRING");
        Path out = dir.resolve("opts");
        sluice.createDataFrame(List.of(Row.of(schema, null, null)), schema).repartition(1).write().option("nullValue", "NULL")
                .option("declaration", "").option("rootTag", "all x=\"1\"").option("compression", "gzip").xml(out.toString());
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml.gz")).count()).isEqualTo(1);
        }
        List<Row> back = sluice.read().schema(schema).option("rowTag", "ROW").option("nullValue", "NULL").xml(out.toString()).collect();
        assertThat(back).containsExactly(Row.of(schema, null, null));
        List<Row> raw = sluice.read().schema(schema).option("rowTag", "ROW").xml(out.toString()).collect();
        assertThat(raw).containsExactly(Row.of(schema, "NULL", "NULL"));
    }

    @Test void refusesWhatXmlCannotCarry() {
        StructType bin = DdlParser.parseSchema("b BINARY");
        assertThat(code(() -> sluice.createDataFrame(List.of(Row.of(bin, new byte[] {1})), bin).write().xml(dir.resolve("bin").toString())))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        StructType s = DdlParser.parseSchema("`a b` STRING");
        assertThat(code(() -> sluice.createDataFrame(List.of(Row.of(s, "x")), s).write().xml(dir.resolve("name").toString())))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        StructType c = DdlParser.parseSchema("a STRING");
        assertThat(code(() -> sluice.createDataFrame(List.of(Row.of(c, "bell\u0007")), c).write().xml(dir.resolve("ctl").toString())))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(Files.exists(dir.resolve("ctl").resolve("_SUCCESS"))).isFalse();
    }

    @Test void refusesUnknownAndUnsupportedOptions() throws IOException {
        Path p = file("o.xml", "<r><a>1</a></r>");
        assertThat(code(() -> sluice.read().xml(p.toString()))).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.read().option("rowTag", "r").option("rowValidationXSDPath", "s.xsd").xml(p.toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.read().option("rowTag", "r").option("encoding", "UTF-16").xml(p.toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.read().option("rowTag", "<r>").xml(p.toString()))).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.read().option("rowTag", "r").option("mode", "LENIENT").xml(p.toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.range(1).write().option("rowTags", "x").xml(dir.resolve("w").toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> sluice.sql("SELECT * FROM xml.`" + p + "`").collect())).isEqualTo(ErrorCode.INVALID_OPTION);
    }

    @Test void readsSingleByteCharsetsAndCompressedFiles() throws IOException {
        Path latin = dir.resolve("latin.xml");
        Files.write(latin, "<x><r><a>café</a></r></x>".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(rows(sluice.read().option("rowTag", "r").option("encoding", "ISO-8859-1").xml(latin.toString()))).containsExactly("[café]");
        // read as UTF-8, the same bytes are not text: the record is malformed, not silently altered
        DataFrame wrong = sluice.read().schema("a STRING, _corrupt_record STRING").option("rowTag", "r").xml(latin.toString());
        assertThat(wrong.collect().get(0).get(1)).isNotNull();
        Path gz = dir.resolve("z.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("<x><r><a>1</a></r><r><a>2</a></r></x>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rows(sluice.read().option("rowTag", "r").xml(gz.toString()))).containsExactly("[1]", "[2]");
    }

    @Test void manyFilesGiveTheSameRowsAtAnyParallelism() throws IOException {
        Path d = dir.resolve("many");
        Files.createDirectories(d);
        StringBuilder expected = new StringBuilder();
        for (int f = 0; f < 12; f++) {
            StringBuilder sb = new StringBuilder("<x>\n");
            for (int i = 0; i < 500; i++) sb.append("<r><k>").append(f * 1000 + i).append("</k></r>\n");
            Files.writeString(d.resolve(String.format("f%02d.xml", f)), sb.append("</x>").toString());
        }
        List<Row> three = sluice.read().option("rowTag", "r").xml(d.toString()).collect();
        assertThat(three).hasSize(6000);
        try (Sluice one = Sluice.builder().parallelism(1).build()) {
            assertThat(one.read().option("rowTag", "r").xml(d.toString()).collect()).isEqualTo(three);
        }
        assertThat(expected).isEmpty();
    }

    static String text(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    @Test void fromXmlAndTheFileReaderAgree() throws IOException {
        String record = "<r id=\"5\"><a>1</a><a>2</a><b><c>x</c></b><d>2024-01-01</d></r>";
        Path p = file("agree.xml", "<x>" + record + "</x>");
        DataFrame file = sluice.read().option("rowTag", "r").xml(p.toString());
        String ddl = (String) sluice.sql("SELECT schema_of_xml('" + record + "')").collect().get(0).get(0);
        assertThat(DdlParser.parseType(ddl)).isEqualTo(file.schema());
        Object fromXml = sluice.sql("SELECT from_xml('" + record + "', '" + ddl + "')").collect().get(0).get(0);
        assertThat(fromXml.toString()).isEqualTo(file.collect().get(0).toString());
    }
}
