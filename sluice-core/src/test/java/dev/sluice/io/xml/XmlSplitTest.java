package dev.sluice.io.xml;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.plan.Plans;
import dev.sluice.plan.Scan;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large XML files are read in byte ranges, each from the first record starting in it to the end of the last one
 * starting in it: the rows, malformed records included, are those of reading the whole file, at any parallelism.
 */
class XmlSplitTest {
    @TempDir Path dir;

    /** 3,000 records of varying size with comments, CDATA, a self-closing record, malformed ones, multi-byte text. */
    static String content(boolean endInsideARecord) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rows>\n");
        for (int i = 0; i < 3000; i++) {
            if (i % 97 == 0) b.append("<!-- a comment between records -->\n");
            if (i == 1500) {
                b.append("<row id=\"").append(i).append("\"/>\n");
                continue;
            }
            b.append("<row id=\"").append(i).append("\">\n  <name>n").append(i).append(" é ").append("x".repeat(i % 50)).append("</name>\n");
            if (i % 500 == 7) b.append("  <bad>unclosed\n");   // malformed: no </bad>
            if (i % 13 == 0) b.append("  <note><![CDATA[a < b & c]]></note>\n");
            b.append("</row>\n");
        }
        if (endInsideARecord) b.append("<row id=\"9999\"><name>cut");
        else b.append("</rows>\n");
        return b.toString();
    }

    static List<String> read(Sluice sluice, Path file) {
        DataFrame df = sluice.read().option("rowTag", "row").schema("_id BIGINT, name STRING, note STRING, _corrupt_record STRING")
                .format("xml").load(file.toString());
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.toString());
        out.sort(null);
        return out;
    }

    static int splits(Sluice sluice, Path file) {
        int[] n = {0};
        Plans.transformUp(sluice.read().option("rowTag", "row").schema("_id BIGINT").format("xml").load(file.toString()).logicalPlan(), node -> {
            if (node instanceof Scan scan) n[0] += scan.source().splits().size();
            return node;
        });
        return n[0];
    }

    @Test void splitsReadTheRecordsOfTheWholeFile() throws IOException {
        for (boolean cut : new boolean[] {false, true}) {
            Path file = dir.resolve("rows-" + cut + ".xml");
            Files.writeString(file, content(cut), StandardCharsets.UTF_8);
            List<String> whole;
            try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
                assertThat(splits(sluice, file)).isEqualTo(1);
                whole = read(sluice, file);
            }
            assertThat(whole).hasSize(cut ? 3001 : 3000);
            assertThat(whole.stream().filter(r -> !r.endsWith(",null]"))).hasSize(cut ? 7 : 6);   // the malformed ones
            for (int workers : new int[] {1, 7}) {
                try (Sluice sluice = Sluice.builder().parallelism(workers).maxSplitBytes(1024).build()) {
                    assertThat(splits(sluice, file)).isGreaterThan(100);
                    assertThat(read(sluice, file)).as("cut=%s workers=%d", cut, workers).isEqualTo(whole);
                }
            }
        }
    }

    /** A compressed file is one split, read to its end (its records' offsets count decompressed bytes). */
    @Test void compressedFileIsOneSplitReadToItsEnd() throws IOException {
        Path plain = dir.resolve("plain.xml");
        Files.writeString(plain, content(false), StandardCharsets.UTF_8);
        Path gz = dir.resolve("rows.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(content(false).getBytes(StandardCharsets.UTF_8));
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).maxSplitBytes(1024).build()) {
            assertThat(splits(sluice, gz)).isEqualTo(1);
            assertThat(read(sluice, gz)).isEqualTo(read(sluice, plain));
        }
    }

    /** FAILFAST names the byte offset of a malformed record found by a later split (its line is not counted there). */
    @Test void failFastInALaterSplitNamesTheByteOffset() throws IOException {
        Path file = dir.resolve("failfast.xml");
        Files.writeString(file, content(false), StandardCharsets.UTF_8);
        String text = content(false);
        int malformed = text.indexOf("<row id=\"2007\">");
        try (Sluice sluice = Sluice.builder().parallelism(1).maxSplitBytes(1024).build()) {
            DataFrame df = sluice.read().option("rowTag", "row").option("mode", "FAILFAST").schema("_id BIGINT, name STRING")
                    .format("xml").load(file.toString()).filter(col("_id").geq(2000));
            assertThat(XmlFileFormatTest.code(df::collect)).isEqualTo(dev.sluice.error.ErrorCode.MALFORMED_RECORD);
            try {
                df.collect();
            } catch (dev.sluice.error.SluiceException e) {
                assertThat(e.getMessage()).contains("(byte ");
            }
            assertThat(malformed).isPositive();
        }
    }
}
