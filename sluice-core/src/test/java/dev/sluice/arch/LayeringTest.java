package dev.sluice.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layering of ARCHITECTURE.md: each package may import only the Sluice packages listed for it
 * (checked on the sources' import lines, so it needs no extra library).
 */
class LayeringTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("error", Set.<String>of()),
            Map.entry("types", Set.of("error")),
            Map.entry("vector", Set.of("error", "types")),
            Map.entry("json", Set.of("error", "types", "vector")),
            Map.entry("xml", Set.of("error", "types", "vector", "json")),
            Map.entry("expr", Set.of("error", "types", "vector", "json", "xml")),
            Map.entry("io", Set.of("error", "types", "vector", "json", "xml", "expr")),
            Map.entry("plan", Set.of("error", "types", "vector", "json", "expr", "io")),
            Map.entry("optimizer", Set.of("error", "types", "vector", "json", "expr", "io", "plan")),
            Map.entry("exec", Set.of("error", "types", "vector", "json", "expr", "io", "plan", "memory")),
            Map.entry("memory", Set.of("error", "types", "vector")),
            Map.entry("udf", Set.<String>of()),
            Map.entry("sql", Set.of("error", "types", "vector", "json", "expr", "io", "plan")),
            Map.entry("report", Set.of("error", "types", "vector", "json", "expr", "io", "plan", "memory", "exec")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.sluice\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern FQN = Pattern.compile("\\bdev\\.sluice\\.([a-z]+)\\.[A-Z]");

    @Test void packagesOnlyDependOnLowerLayers() throws IOException {
        Path root = Path.of("src/main/java/dev/sluice");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) continue;   // the API package may use everything
                String pkg = relative.getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s has no layering entry", pkg).isNotNull();
                String source = Files.readString(file);
                for (Pattern p : List.of(IMPORT, FQN)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(pkg) && !allowed.contains(used)) violations.add(relative + " uses dev.sluice." + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
