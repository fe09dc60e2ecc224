package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds an installed JDK by feature version ({@code --jvm 25}) for the child JVMs of {@code bench compare}:
 * the JDK homes under /usr/lib/jvm and /opt (and their sub-directories), recognized by their {@code release}
 * file's JAVA_VERSION. A path to a JDK home is taken as it is.
 */
final class JavaHomes {
    private static final List<Path> ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt"));

    private JavaHomes() {}

    /** The java launcher for {@code spec} (a feature version such as 17 or 25, or a JDK home), if found. */
    static Optional<Path> launcher(String spec) {
        Path asHome = Path.of(spec);
        if (spec.contains("/")) return javaIn(asHome);
        for (Path home : candidates()) {
            if (spec.equals(featureVersion(home))) {
                Optional<Path> java = javaIn(home);
                if (java.isPresent()) return java;
            }
        }
        return Optional.empty();
    }

    /** The feature version of the running JVM, e.g. "17". */
    static String current() { return String.valueOf(Runtime.version().feature()); }

    private static Optional<Path> javaIn(Path home) {
        Path java = home.resolve("bin").resolve("java");
        return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root, 2)) {
                s.filter(p -> Files.isRegularFile(p.resolve("release"))).sorted().forEach(homes::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable directory holds no JDK we can use
            }
        }
        return homes;
    }

    /** "17" for JAVA_VERSION="17.0.15", "25" for "25.0.3"; null when unknown. */
    static String featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (!line.startsWith("JAVA_VERSION=")) continue;
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                if (v.startsWith("1.")) v = v.substring(2);
                int cut = 0;
                while (cut < v.length() && Character.isDigit(v.charAt(cut))) cut++;
                return cut == 0 ? null : v.substring(0, cut);
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
