package dev.sluice.report;

import dev.sluice.Sluice;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job report: attach it to a session, run actions, then write one self-contained HTML file (no network)
 * with each query's plan as a graph of operators carrying rows, batches, time and bytes, a timeline of tasks per
 * worker, and peak memory. {@code try (JobReport r = JobReport.attach(sluice)) { ...; r.writeHtml(path); }}
 */
public final class JobReport implements AutoCloseable {
    private final Sluice session;
    private final JobRecorder recorder = new JobRecorder();

    private JobReport(Sluice session) {
        this.session = session;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
        session.addListener(recorder);
    }

    public static JobReport attach(Sluice session) { return new JobReport(session); }

    public JobRecorder recorder() { return recorder; }

    /** The HTML text of the report so far. */
    public String html() {
        return HtmlReport.render(recorder.queries(), peakHeapBytes(), session.conf().parallelism(), session.storage().metrics());
    }

    /**
     * Renders the report once and writes that text to {@code file}; returns the text written, so a caller that
     * also shows or checks it uses the same value (figures such as the peak heap change between two renderings).
     */
    public String writeHtml(Path file) throws IOException {
        String html = html();
        write(file, html);
        return html;
    }

    /** Writes the report of a recorder the caller registered itself (the command line does this). */
    public static void writeHtml(JobRecorder recorder, int parallelism, Path file) throws IOException {
        write(file, HtmlReport.render(recorder.queries(), peakHeapBytes(), parallelism));
    }

    /** As above, with the counters of the session's storages ({@code Sluice.storage().metrics()}). */
    public static void writeHtml(JobRecorder recorder, int parallelism, java.util.Map<String, Long> storageMetrics, Path file) throws IOException {
        write(file, HtmlReport.render(recorder.queries(), peakHeapBytes(), parallelism, storageMetrics));
    }

    private static void write(Path file, String html) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /** The sum of the heap pools' peak usage since the report was attached. */
    public static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) total += pool.getPeakUsage().getUsed();
        }
        return total;
    }

    /** Stops recording (the session goes on). */
    @Override public void close() { session.removeListener(recorder); }
}
