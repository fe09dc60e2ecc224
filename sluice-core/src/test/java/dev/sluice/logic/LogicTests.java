package dev.sluice.logic;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JUnit test per {@code .qt} file under the classpath folder {@code logic/}, on a backend. System properties:
 * <ul>
 *   <li>{@code sluice.logic.filter=substring}: run only the files whose path contains it;</li>
 *   <li>{@code sluice.logic.verify=false}: only the base variant (verification is on by default);</li>
 *   <li>{@code sluice.logic.complete=true}: rewrite the expected blocks in sluice-core/src/test/resources/logic
 *       with this backend's results (the --complete switch), then fail nothing.</li>
 * </ul>
 */
public final class LogicTests {
    private LogicTests() {}

    public static Stream<DynamicTest> all(LogicBackend backend) {
        boolean verify = Boolean.parseBoolean(System.getProperty("sluice.logic.verify", "true"));
        boolean complete = Boolean.parseBoolean(System.getProperty("sluice.logic.complete", "false"));
        String filter = System.getProperty("sluice.logic.filter", "");
        LogicRunner runner = new LogicRunner(backend, verify && !complete);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> f : files().entrySet()) {
            if (!f.getKey().contains(filter)) continue;
            tests.add(DynamicTest.dynamicTest(f.getKey(), () -> {
                LogicRunner.Outcome outcome = runner.run(f.getKey(), f.getValue(), complete);
                if (complete) {
                    Files.writeString(sourceDir().resolve(f.getKey()), outcome.completedText(), StandardCharsets.UTF_8);
                    return;
                }
                assertThat(outcome.failures()).as("failing records of %s on %s", f.getKey(), backend.name()).isEmpty();
                assertThat(outcome.recordsRun()).as("records run in %s", f.getKey()).isPositive();
            }));
        }
        assertThat(tests).as("logic files (filter '%s')", filter).isNotEmpty();
        return tests.stream();
    }

    /** Every logic file's relative path and text, sorted by path; read from a directory or a test-jar. */
    static Map<String, String> files() {
        URL url = LogicTests.class.getClassLoader().getResource("logic");
        if (url == null) throw new IllegalStateException("no logic/ folder on the classpath");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(fs.getPath("/logic"));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".qt")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** sluice-core/src/test/resources/logic, found from the working directory (a module or the project root). */
    static Path sourceDir() {
        String configured = System.getProperty("sluice.logic.source");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sluice-core/src/test/resources/logic");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("cannot find sluice-core/src/test/resources/logic; set -Dsluice.logic.source");
    }
}
