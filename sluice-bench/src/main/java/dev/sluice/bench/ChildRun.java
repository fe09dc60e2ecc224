package dev.sluice.bench;

import java.util.Map;

/** What one child JVM reported for one engine and query: its numbers and digest, or why it failed. */
record ChildRun(double wallSeconds, double startupSeconds, long peakRssMb, Digest digest, String failure) {
    static ChildRun failed(String reason) { return new ChildRun(Double.NaN, Double.NaN, -1, null, reason); }

    boolean ok() { return failure == null; }

    /** From the {@code key: value} lines a {@code sluice bench q*} child printed on stdout. */
    static ChildRun parse(Map<String, String> lines) {
        String result = lines.get("result");
        if (result == null || !lines.containsKey("wall_s")) return failed("the child printed no result");
        String rss = lines.getOrDefault("peak_rss_mb", "n/a");
        return new ChildRun(Double.parseDouble(lines.get("wall_s")), Double.parseDouble(lines.getOrDefault("startup_s", "NaN")),
                rss.equals("n/a") ? -1 : Long.parseLong(rss), Digest.parse(result), null);
    }
}
