package dev.sluice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells a dataset's format from its name, for {@code sluice cat} without {@code --format}: the extension of a file
 * or glob ({@code .json .jsonl .ndjson}, {@code .csv}, {@code .txt .log .text}, {@code .parquet}), after a
 * compression suffix ({@code .gz .bz2 .zst .deflate}); for a directory, of the first data file in it (files whose
 * names start with {@code _} or {@code .}, such as {@code _SUCCESS}, are not data, as in Spark).
 */
final class InputFormats {
    private InputFormats() {}

    static Optional<String> guess(String path) {
        Path p = Path.of(path);
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .map(f -> byName(f.getFileName().toString()))
                        .flatMap(Optional::stream)
                        .findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return byName(p.getFileName() == null ? path : p.getFileName().toString());
    }

    static Optional<String> byName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (String compression : new String[] {".gz", ".bz2", ".zst", ".deflate"}) {
            if (name.endsWith(compression)) name = name.substring(0, name.length() - compression.length());
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        switch (name.substring(dot + 1)) {
            case "json": case "jsonl": case "ndjson": return Optional.of("json");
            case "csv": return Optional.of("csv");
            case "txt": case "log": case "text": return Optional.of("text");
            case "parquet": return Optional.of("parquet");
            default: return Optional.empty();
        }
    }
}
