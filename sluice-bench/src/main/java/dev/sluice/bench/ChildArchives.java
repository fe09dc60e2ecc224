package dev.sluice.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class-data archives ({@link JvmArchive}) of a benchmark command's child JVMs, one per slot (an engine running a
 * query or job), each recorded on first use by a training run of the same child command on the input's first
 * {@link TrainingInput#LINES} lines: {@code bench compare} and {@code bench memory} give every engine's JVM one, so
 * that all start alike. A slot whose training run failed (mostly an engine that does not run on this JVM, whose
 * measured runs then fail too) runs without one, and {@link #describe} names it.
 */
final class ChildArchives {
    /** The child command of a training run, given the archive's record flags, its input and an output directory. */
    interface TrainingCommand {
        List<String> command(List<String> archiveFlags, Path input, Path output);
    }

    private final Path dir;
    private final Path java;
    private final int feature;
    private final List<String> flags;
    private final Map<String, JvmArchive> archives = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    /**
     * For child JVMs run by {@code java} (of feature version {@code feature}) with {@code flags} (every flag but the
     * archive's and the class path, as they are part of an archive's key), archives kept in {@code dir}.
     */
    ChildArchives(Path dir, Path java, int feature, List<String> flags) {
        this.dir = dir;
        this.java = java;
        this.feature = feature;
        this.flags = List.copyOf(flags);
    }

    /** The archive directory: {@code chosen}, else {@link JvmArchive#defaultCacheDir()}. */
    static Path directory(Path chosen) {
        return chosen != null ? chosen : JvmArchive.defaultCacheDir();
    }

    /**
     * Makes sure the slot {@code slot} (e.g. {@code bench-q3-sluice}), whose JVMs run with the class path
     * {@code classpath} (its entries one by one: the archive only maps into a JVM with exactly these), has its
     * archive, recording it by a training run of {@code command} on the first lines of {@code data} (cut into {@code trainDir}) when it has none; progress
     * lines go to {@code out} and the training run's output to {@code logs}. {@code key} names the slot in
     * {@link #useFlags} and {@link #describe}.
     */
    void prepare(String key, String slot, List<String> classpath, Path data, Path trainDir, Path logs, PrintWriter out, TrainingCommand command)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        JvmArchive archive = JvmArchive.of(dir, slot, java, feature, classpath, flags);
        if (!archive.exists()) {
            String name = key.replace('/', '-');
            out.println("archive: recording " + key + " (" + archive.kind() + ", Java " + feature + ") by a training run...");
            out.flush();
            Path input = TrainingInput.ensure(data, trainDir, TrainingInput.LINES);
            Path log = logs.resolve("train-" + name + ".log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command.command(archive.recordFlags(), input, trainDir.resolve("out-" + name)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ok = p.waitFor() == 0 && archive.finish(classpath, logs.resolve("dump-" + name + ".log"));
            out.println(String.format(Locale.ROOT, "archive: %s %s (%.1f s, log %s)", key,
                    ok ? "recorded: " + archive.file() : "not recorded", (System.nanoTime() - t0) / 1e9, log));
            out.flush();
            if (!ok) {
                missing.add(key);
                return;
            }
        }
        archives.put(key, archive);
    }

    /** The flags that map the archive of {@code key}; none when it has none. */
    List<String> useFlags(String key) {
        JvmArchive archive = archives.get(key);
        return archive == null ? List.of() : archive.useFlags();
    }

    /** The table header's line about the archives, one per engine and {@code unit} (query, job). */
    String describe(String unit) {
        if (archives.isEmpty()) return "class-data archives: none";
        JvmArchive any = archives.values().iterator().next();
        return "class-data archives: one per engine and " + unit + ", " + any.kind() + " (" + any.file().getParent() + ")"
                + (missing.isEmpty() ? "" : "; none for " + String.join(", ", missing));
    }
}
