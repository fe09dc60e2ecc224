package dev.sluice.glue;

import dev.sluice.Sluice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reader error records name the line of the malformed record, also in files cut into many byte-range splits. */
class ErrorLineTest extends GlueTestBase {
    private Path file(String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    /** (line, input) of every error record, sorted by line. */
    private static List<String> errorLines(DynamicFrame f) {
        List<String> out = new ArrayList<>();
        for (DynamicRecord r : f.errorsAsDynamicFrame().collect()) out.add(r.getField("error.line") + ":" + r.getField("error.input"));
        out.sort(java.util.Comparator.comparingLong(s -> Long.parseLong(s.substring(0, s.indexOf(':')))));
        return out;
    }

    private static List<String> jsonLinesWithBadOnes(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (i % 7 == 0) lines.add("");                          // blank lines count as lines
            else if (i % 5 == 0) lines.add("{\"id\": " + i + ", bad");
            else lines.add("{\"id\": " + i + ", \"v\": " + (i % 3 == 0 ? "\"s\"" : String.valueOf(i)) + "}");
        }
        return lines;
    }

    private static List<String> expectedBad(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) if (i % 5 == 0 && i % 7 != 0) out.add(i + ":{\"id\": " + i + ", bad");
        return out;
    }

    @Test void jsonLinesRecordPathNamesLines() throws IOException {
        Path f = file("choice.json", jsonLinesWithBadOnes(40));   // v is int or string: a choice, parsed record by record
        DynamicFrame frame = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json");
        assertThat(errorLines(frame)).isEqualTo(expectedBad(40));
        assertThat((String) frame.errorsAsDynamicFrame().collect().get(0).getField("error.source")).isEqualTo(f.toString());
    }

    @Test void vectorizedJsonNamesLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : jsonLinesWithBadOnes(40)) lines.add(l.replace("\"s\"", "3"));   // no choice: the columnar path
        Path f = file("plain.json", lines);
        DynamicFrame frame = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json");
        assertThat(frame.schemaString()).isEqualTo("root\n|-- id: int\n|-- v: int\n");
        assertThat(errorLines(frame)).isEqualTo(expectedBad(40));
    }

    @Test void linesAreExactAcrossManyByteRangeSplits() throws IOException {
        try (Sluice small = Sluice.builder().parallelism(2).maxSplitBytes(1024).build()) {
            GlueContext g = GlueContext.builder(small).bookmarks(dir.resolve("bm")).build();
            Path choice = file("many-choice.json", jsonLinesWithBadOnes(1500));
            List<String> plainLines = new ArrayList<>();
            for (String l : jsonLinesWithBadOnes(1500)) plainLines.add(l.replace("\"s\"", "3"));
            Path plain = file("many-plain.json", plainLines);
            for (Path f : List.of(choice, plain)) {
                DynamicFrame frame = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json");
                assertThat(errorLines(frame)).as(f.toString()).isEqualTo(expectedBad(1500));
            }
            List<String> csv = new ArrayList<>(List.of("id,name"));
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 2000; i++) {
                if (i % 9 == 0) csv.add("   ");
                else if (i % 11 == 0) {
                    csv.add(i + ",x,extra");
                    expected.add((csv.size()) + ":" + i + ",x,extra");
                } else csv.add(i + ",n" + i);
            }
            Path c = file("many.csv", csv);
            DynamicFrame frame = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(c.toString())), "csv",
                    Map.of("withHeader", "true"), "");
            assertThat(errorLines(frame)).isEqualTo(expected);
        }
    }

    @Test void csvRecordsWithoutHeaderAndWholeJsonFilesNameLines() throws IOException {
        Path c = file("plain.csv", List.of("1,a", "", "2,b,c", "3,c"));
        DynamicFrame csv = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(c.toString())), "csv");
        assertThat(errorLines(csv)).containsExactly("3:2,b,c");
        Path m = file("multi.json", List.of("[", "  {\"id\": 1},", "  {\"id\": 2,,}", "]"));
        DynamicFrame multi = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(m.toString())), "json",
                Map.of("multiline", "true"), "");
        List<DynamicRecord> errors = multi.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.line")).isEqualTo(3L);
    }

    @Test void transformErrorsHaveNoLine() {
        DynamicFrame f = json("{\"id\": 1}").map(r -> { throw new IllegalStateException("boom"); });
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.line")).isNull();
    }
}
