package dev.sluice.examples;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark's own documented function examples ({@code spark-examples/examples.txt}) on the embedded engine through
 * {@code Sluice.sql}, compared with what Spark 4.1.1 returned (hive text). The examples listed in
 * {@code spark-examples/passing.txt} must keep passing; those in {@code skips.txt} are not run (each with its
 * reason). {@code -Dsluice.examples.update=true} rewrites passing.txt and the summary in docs/functions.md.
 */
class SparkExamplesTest {
    @Test void documentedExamplesKeepPassing() throws IOException {
        ExampleFile file = ExampleFile.parse(resource("spark-examples/examples.txt"));
        Map<String, String> skips = skips(resource("spark-examples/skips.txt"));
        Set<String> mustPass = new TreeSet<>(lines(resource("spark-examples/passing.txt")));
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> passed = new TreeSet<>();
        Set<String> typed = new TreeSet<>();
        int skipped = 0;
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            for (ExampleFile.Example ex : file.examples()) {
                if (skips.containsKey(ex.function()) || skips.containsKey(ex.id())) {
                    skipped++;
                    continue;
                }
                String problem = run(sluice, ex);
                if (problem != null) {
                    failures.put(ex.id(), problem);
                    continue;
                }
                passed.add(ex.id());
                if (sameTypes(sluice, ex)) typed.add(ex.id());
            }
        }
        Summary summary = new Summary(file, passed, typed, failures, skips, skipped);
        if (Boolean.getBoolean("sluice.examples.update")) {
            Path dir = sourceDir();
            Files.writeString(dir.resolve("src/test/resources/spark-examples/passing.txt"), String.join("\n", passed) + "\n");
            Path docs = dir.resolveSibling("docs").resolve("functions.md");
            Files.writeString(docs, summary.markdown(Files.exists(docs) ? Files.readString(docs) : ""));
            Files.writeString(dir.resolve("target/spark-examples-failures.txt"), summary.failureList());
        }
        List<String> regressions = new ArrayList<>();
        for (String id : mustPass) if (!passed.contains(id)) regressions.add(id + ": " + failures.getOrDefault(id, "not run"));
        assertThat(regressions).as("examples that passed before and fail now (%s)", summary.line()).isEmpty();
        assertThat(passed.size()).as("passing examples").isGreaterThanOrEqualTo(mustPass.size());
    }

    /** Null when the example gives Spark's result; otherwise what went wrong. */
    static String run(Sluice sluice, ExampleFile.Example ex) {
        List<String> actual = new ArrayList<>();
        try {
            DataFrame df = sluice.sql(ex.sql());
            StructType schema = df.schema();
            for (Row r : df.collect()) actual.add(HiveText.row(r, schema));
        } catch (SluiceException e) {
            if (ex.error() != null) return null;
            return "error " + e.code() + ": " + firstLine(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return "crash " + e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()));
        }
        if (ex.error() != null) return "expected error " + ex.error() + ", got " + actual;
        if (!actual.equals(ex.rows())) return "expected " + ex.rows() + ", got " + actual;
        return null;
    }

    /** Whether the result columns have Spark's types too (errors expected: yes). */
    static boolean sameTypes(Sluice sluice, ExampleFile.Example ex) {
        if (ex.error() != null) return true;
        List<String> types = new ArrayList<>();
        for (var f : sluice.sql(ex.sql()).schema().fields()) types.add(f.dataType().simpleString());
        return types.equals(ex.types());
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Map<String, String> skips(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : lines(text)) {
            int sep = line.indexOf(' ');
            out.put(sep < 0 ? line : line.substring(0, sep), sep < 0 ? "" : line.substring(sep + 1).strip());
        }
        return out;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.isBlank() && !l.startsWith("#")) out.add(l.strip());
        return out;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SparkExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) return "";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** sluice-core's directory (tests run with it as the working directory). */
    static Path sourceDir() { return Path.of("").toAbsolutePath(); }
}
