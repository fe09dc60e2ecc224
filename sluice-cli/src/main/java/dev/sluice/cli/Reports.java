package dev.sluice.cli;

import dev.sluice.exec.JobListener;
import dev.sluice.exec.JobListeners;
import dev.sluice.report.JobRecorder;
import dev.sluice.report.JobReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --report FILE.html}: records the command's jobs and writes the HTML job report when it ends. */
final class Reports {
    private final Path file;
    private final JobRecorder recorder = new JobRecorder();

    private Reports(Path file) { this.file = file; }

    /** The report the command line asked for, or null. */
    static Reports requested(CommandSpec spec) {
        for (ParseResult pr = spec.root().commandLine().getParseResult(); pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--report")) return new Reports(pr.matchedOptionValue("--report", (Path) null));
        }
        return null;
    }

    /** {@code progress} plus the recorder when a report was asked for. */
    static JobListener with(Reports reports, JobListener progress) {
        return reports == null ? progress : JobListeners.combine(progress, reports.recorder);
    }

    /** Writes the report (if one was asked for) and says where. */
    static void finish(Reports reports, int parallelism, PrintWriter out) throws IOException {
        finish(reports, parallelism, java.util.Map.of(), out);
    }

    /** As above, with the session's storage counters (S3 requests and bytes) in the report. */
    static void finish(Reports reports, int parallelism, java.util.Map<String, Long> storageMetrics, PrintWriter out) throws IOException {
        if (reports == null) return;
        JobReport.writeHtml(reports.recorder, parallelism, storageMetrics, reports.file);
        out.println("report:         " + reports.file);
        out.flush();
    }
}
