package dev.sluice.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {
    /** A clock the test moves by hand: no test here depends on real time. */
    private static final class FakeClock {
        long nanos = 1_000_000_000L;

        void advanceMillis(long ms) { nanos += TimeUnit.MILLISECONDS.toNanos(ms); }
    }

    /** Ten seconds of a 100-task job reporting every 100 ms. */
    private static String runJob(boolean interactive) {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), interactive, () -> clock.nanos);
        display.onJobStart(1, "count", 100, 100_000);
        for (int i = 0; i < 100; i++) {
            clock.advanceMillis(100);
            display.onProgress(1, 1000, 50);
            display.onTaskEnd(1, i, true);
        }
        display.onJobEnd(1, null);
        return text.toString();
    }

    @Test
    void skippedInputFilesAreCountedOnTheLine() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> clock.nanos);
        display.onJobStart(1, "write", 2, 0);
        display.onFileSkipped(1, "/in/b.json.gz", "CORRUPT_COMPRESSED_FILE", "damaged");
        display.onTaskEnd(1, 0, true);
        display.onTaskEnd(1, 1, true);
        display.onJobEnd(1, null);
        assertThat(text.toString()).contains("write: done", "1 file skipped");
    }

    @Test
    void whatTheRunningQuerySpilledIsOnTheLine() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> clock.nanos);
        dev.sluice.exec.ExecNode leaf = new dev.sluice.exec.ExecNode() {
            @Override public dev.sluice.types.StructType schema() { return dev.sluice.types.StructType.EMPTY; }
            @Override public int partitionCount() { return 1; }
            @Override public dev.sluice.exec.BatchStream execute(int partition, dev.sluice.exec.TaskContext ctx) { return null; }
            @Override public java.util.List<dev.sluice.exec.ExecNode> children() { return java.util.List.of(); }
            @Override public String describe() { return "Leaf"; }
        };
        dev.sluice.exec.ExecNode sort = dev.sluice.exec.Metered.wrap(leaf);
        display.onQueryStart(3, "sort", sort);
        display.onJobStart(1, "sort", 2, 0);
        display.onTaskEnd(1, 0, true);
        dev.sluice.exec.Metered.metricsOf(sort).spilled(5L << 20, 1_000_000, true);
        display.onTaskEnd(1, 1, true);
        display.onJobEnd(1, null);
        display.onQueryEnd(3, null);
        display.onJobStart(2, "count", 1, 0);
        display.onTaskEnd(2, 0, true);
        display.onJobEnd(2, null);
        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).startsWith("sort: done").contains("5.0 MiB spilled");
        assertThat(lines[1]).startsWith("count: done").doesNotContain("spilled");
    }

    @Test
    void withoutAConsolePrintsPlainLinesAtMostEveryTwoSeconds() {
        String text = runJob(false);
        assertThat(text).doesNotContain("\r");
        String[] lines = text.split("\n");
        // 10 s of progress: a line at 2, 4, 6, 8 and 10 s, then the summary
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("count: 20%");
        assertThat(lines[5]).startsWith("count: done").contains("100/100 tasks", "5,000 rows");
    }

    @Test
    void withAConsoleRedrawsOneLineAndEndsItWithANewline() {
        String text = runJob(true);
        assertThat(text).contains("\r").endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(text.chars().filter(c -> c == '\r').count()).isBetween(50L, 101L);
        String lastFrame = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(lastFrame).startsWith("count: done");
    }

    @Test
    void aShortJobPrintsOnlyItsSummaryWithoutAConsole() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> clock.nanos);
        display.onJobStart(7, "write json", 2, 0);
        clock.advanceMillis(300);
        display.onTaskEnd(7, 0, true);
        display.onTaskEnd(7, 1, false);
        display.onJobEnd(7, new RuntimeException("boom"));
        assertThat(text.toString()).isEqualTo("write json: FAILED in 0.30 s (1/2 tasks, 1 failed, 0 B, 0 rows)\n");
    }

    @Test
    void eventsOfUnknownJobsAreIgnored() {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> 0L);
        display.onProgress(9, 10, 10);
        display.onTaskEnd(9, 0, true);
        display.onJobEnd(9, null);
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void fractionUsesBytesWhenKnownElseTasksAndStaysWithinZeroAndOne() {
        assertThat(ProgressDisplay.fraction(50, 200, 1, 10)).isEqualTo(0.25);
        assertThat(ProgressDisplay.fraction(50, 0, 1, 10)).isEqualTo(0.1);
        assertThat(ProgressDisplay.fraction(300, 200, 1, 10)).isEqualTo(1.0);
        assertThat(ProgressDisplay.fraction(0, 0, 0, 0)).isEqualTo(0.0);
    }

    @Test
    void onATerminalTheFirstFrameComesAfterASecond() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), true, () -> clock.nanos);
        display.onJobStart(1, "count", 10, 1000);
        clock.advanceMillis(900);
        display.onProgress(1, 100, 10);
        assertThat(text.toString()).isEmpty();
        clock.advanceMillis(200);
        display.onProgress(1, 100, 10);
        assertThat(text.toString()).startsWith("\rcount [").contains("20%");
    }

    @Test
    void progressLinesEstimateTheTimeLeftFromThePaceSoFar() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> clock.nanos);
        display.onJobStart(1, "write parquet", 4, 1000);
        clock.advanceMillis(2000);
        display.onProgress(1, 250, 10);   // a quarter in 2 s: 6 s to go
        assertThat(text.toString()).isEqualTo("write parquet: 25% (0/4 tasks, 250 B of 1000 B, 10 rows, 2.00 s, ~6.00 s left)\n");
        assertThat(ProgressDisplay.remainingNanos(0.005, 1_000_000_000L)).isEqualTo(-1);
        assertThat(ProgressDisplay.remainingNanos(1.0, 1_000_000_000L)).isEqualTo(-1);
        assertThat(ProgressDisplay.remainingNanos(0.5, 3_000_000_000L)).isEqualTo(3_000_000_000L);
    }

    @Test
    void withoutSummariesUnderALimitQuickSuccessesPrintNothingButFailuresDo() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> clock.nanos)
                .withoutSummariesUnder(ProgressDisplay.FIRST_FRAME_DELAY);
        display.onJobStart(1, "count", 1, 0);
        clock.advanceMillis(300);
        display.onJobEnd(1, null);
        assertThat(text.toString()).isEmpty();
        display.onJobStart(2, "count", 1, 0);
        clock.advanceMillis(300);
        display.onJobEnd(2, new RuntimeException("boom"));
        assertThat(text.toString()).startsWith("count: FAILED");
        display.onJobStart(3, "collect", 1, 0);
        clock.advanceMillis(1500);
        display.onJobEnd(3, null);
        assertThat(text.toString()).contains("collect: done in 1.50 s");
    }
}
