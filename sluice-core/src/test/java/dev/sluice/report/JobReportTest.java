package dev.sluice.report;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class JobReportTest {
    @TempDir Path dir;

    static Path writeLogs(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) lines.add("{\"id\":" + i + ",\"s\":\"v" + (i % 10) + "\"}");
        Path f = dir.resolve("data.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test void reportsThePlanWithOperatorMetricsAndTheTasks() throws IOException {
        Path data = writeLogs(dir);
        try (Sluice sluice = Sluice.builder().parallelism(2).maxSplitBytes(8 * 1024).build();
             JobReport report = JobReport.attach(sluice)) {
            DataFrame df = sluice.read().schema("id BIGINT, s STRING").json(data.toString());
            assertThat(df.filter(col("id").mod(2).equalTo(0)).count()).isEqualTo(2500);
            JobRecorder.QueryRun q = report.recorder().queries().get(0);
            assertThat(q.tasks()).hasSizeGreaterThan(1);
            assertThat(q.tasks()).allMatch(JobRecorder.TaskRun::succeeded);
            String html = report.html();
            assertThat(html).startsWith("<!DOCTYPE html>").contains("FilterExec", "ScanExec", "rows 2,500", "rows 5,000", "sluice-worker-");
            assertThat(html).doesNotContain("http://", "https://").doesNotContain("<script");
            Path out = dir.resolve("report.html");
            report.writeHtml(out);
            // the JVM-wide peak heap may grow between the two renderings: compare the rest
            String noPeak = "peak heap</th><td>[^<]*";
            assertThat(Files.readString(out).replaceAll(noPeak, "")).isEqualTo(html.replaceAll(noPeak, ""));
        }
    }

    @Test void aFailedQueryIsMarkedAsFailed() throws IOException {
        Path data = writeLogs(dir);
        try (Sluice sluice = Sluice.builder().parallelism(2).build(); JobReport report = JobReport.attach(sluice)) {
            DataFrame df = sluice.read().schema("id BIGINT, s STRING").json(data.toString());
            try {
                df.select(col("id").mod(col("id").minus(col("id")))).collect();
            } catch (RuntimeException expected) {
                // division by zero
            }
            assertThat(report.recorder().queries().get(0).failure()).contains("DIVIDE_BY_ZERO");
            assertThat(report.html()).contains("failed:");
        }
    }
}
