package dev.sluice.cli;

import dev.sluice.error.SluiceException;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileStatus;
import dev.sluice.io.GlobPattern;
import dev.sluice.io.SchemeStorage;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * As {@link #guess(String)}, looking into directories through {@code storage}, so that object-store prefixes
     * ({@code s3://bucket/logs/}) work too: the first data file in name order decides, found without listing more
     * than the directories on the way to it.
     */
    static Optional<String> guess(Storage storage, String path) {
        if (SchemeStorage.scheme(path) == null) return guess(path);
        Optional<String> byName = byName(StoragePaths.name(path));
        if (byName.isPresent() || GlobPattern.hasWildcard(path)) return byName;
        try {
            FileStatus status = storage.status(path);
            return status.directory() ? firstDataFile(storage, status.path()) : Optional.empty();
        } catch (SluiceException e) {
            return Optional.empty();   // the reader reports the missing path with its own error
        }
    }

    private static Optional<String> firstDataFile(Storage storage, String directory) {
        List<FileStatus> entries = storage.list(directory);
        for (FileStatus f : entries) {
            if (!f.directory() && !FileListing.isHidden(f.name())) {
                Optional<String> format = byName(f.name());
                if (format.isPresent()) return format;
            }
        }
        for (FileStatus d : entries) {
            if (!d.directory() || FileListing.isHidden(d.name())) continue;
            Optional<String> format = firstDataFile(storage, d.path());
            if (format.isPresent()) return format;
        }
        return Optional.empty();
    }

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
