package dev.sluice.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The input of a training run that records a child JVM's archive ({@link JvmArchive}): the first lines of the
 * benchmark's own input (a CSV file's header with them), so that the run takes the same code paths as the measured
 * ones, on a few per cent of the rows. Written once next to the outputs and reused while the input is unchanged.
 */
final class TrainingInput {
    /** Lines of a training input: enough for every operator and writer to run, about 2% of 1M rows. */
    static final int LINES = 20_000;

    private TrainingInput() {}

    /** The first {@code lines} lines of {@code data} (a file, or the first file of a directory) in {@code dir}. */
    static Path ensure(Path data, Path dir, int lines) throws IOException {
        Path source = Files.isDirectory(data) ? firstFile(data) : data;
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path target = dir.resolve(stem + "-" + Files.size(source) + "-" + Files.getLastModifiedTime(source).toMillis()
                + "-first" + lines + ext);
        if (Files.isRegularFile(target)) return target;
        Files.createDirectories(dir);
        Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 0; n < lines && (line = in.readLine()) != null; n++) {
                out.write(line);
                out.write('\n');
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path firstFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted().findFirst()
                    .orElseThrow(() -> new IOException(dir + ": no input file to train on"));
        }
    }
}
