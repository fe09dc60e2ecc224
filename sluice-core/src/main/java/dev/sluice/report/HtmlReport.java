package dev.sluice.report;

import dev.sluice.exec.ExecNode;
import dev.sluice.exec.Metered;
import dev.sluice.exec.OperatorMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Renders recorded queries as one self-contained HTML page: inline CSS and SVG, no scripts, no network. */
final class HtmlReport {
    private static final int BOX_WIDTH = 620;
    private static final int BOX_HEIGHT = 52;
    private static final int ROW = 68;
    private static final int INDENT = 36;

    private HtmlReport() {}

    static String render(List<JobRecorder.QueryRun> queries, long peakHeapBytes, int parallelism) {
        return render(queries, peakHeapBytes, parallelism, java.util.Map.of());
    }

    /** As above, with the storages' counters (S3 requests, retries, bytes) in a table at the end when there are any. */
    static String render(List<JobRecorder.QueryRun> queries, long peakHeapBytes, int parallelism, java.util.Map<String, Long> storage) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sluice job report</title>\n")
          .append("<style>body{font-family:sans-serif;margin:24px;color:#222;background:#fff}h1{font-size:22px}")
          .append("h2{font-size:17px;margin-top:32px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;")
          .append("text-align:left;font-size:13px}.op{font-family:monospace;font-size:12px}.bad{color:#b00}</style></head><body>\n")
          .append("<h1>Sluice job report</h1>\n<table><tr><th>queries</th><td>").append(queries.size())
          .append("</td></tr><tr><th>workers</th><td>").append(parallelism)
          .append("</td></tr><tr><th>peak heap</th><td>").append(mib(peakHeapBytes)).append("</td></tr></table>\n");
        int n = 0;
        for (JobRecorder.QueryRun q : queries) {
            n++;
            sb.append("<h2>Query ").append(n).append(": ").append(esc(q.description())).append("</h2>\n<p>")
              .append(seconds(q.durationNanos())).append(" s, ").append(mib(q.bytesRead())).append(" read, ")
              .append(q.tasks().size()).append(" tasks");
            if (q.failure() != null) sb.append(", <span class=\"bad\">failed: ").append(esc(q.failure())).append("</span>");
            sb.append("</p>\n");
            if (!q.skippedFiles().isEmpty()) {
                sb.append("<h3 class=\"bad\">Skipped files (ignoreMissingFiles / ignoreCorruptFiles)</h3>\n<table><tr><th>file</th><th>error</th><th>reason</th></tr>\n");
                for (dev.sluice.io.SkippedFile f : q.skippedFiles()) {
                    sb.append("<tr><td>").append(esc(f.path())).append("</td><td>").append(esc(f.code())).append("</td><td>")
                      .append(esc(f.reason())).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
            sb.append("<h3>Plan</h3>\n");
            appendPlan(sb, q.root());
            sb.append("<h3>Tasks per worker</h3>\n");
            appendTimeline(sb, q);
        }
        if (!storage.isEmpty()) {
            sb.append("<h2>Storage</h2>\n<table>");
            new java.util.TreeMap<>(storage).forEach((name, value) -> sb.append("<tr><th>").append(esc(name)).append("</th><td>")
                    .append(value).append("</td></tr>"));
            sb.append("</table>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private record Placed(ExecNode node, int depth, int row, int parentRow) {}

    private static void appendPlan(StringBuilder sb, ExecNode root) {
        List<Placed> placed = new ArrayList<>();
        place(root, 0, -1, placed);
        int maxDepth = placed.stream().mapToInt(Placed::depth).max().orElse(0);
        int width = BOX_WIDTH + INDENT * maxDepth + 20;
        int height = placed.size() * ROW + 10;
        sb.append("<svg width=\"").append(width).append("\" height=\"").append(height)
          .append("\" role=\"img\" aria-label=\"query plan\">\n");
        for (Placed p : placed) {
            if (p.parentRow() < 0) continue;
            int x = 10 + p.depth() * INDENT + 14;
            sb.append("<path d=\"M").append(x - INDENT).append(' ').append(p.parentRow() * ROW + BOX_HEIGHT + 5)
              .append(" V").append(p.row() * ROW + BOX_HEIGHT / 2 + 5).append(" H").append(x - 14)
              .append("\" stroke=\"#888\" fill=\"none\"/>\n");
        }
        for (Placed p : placed) {
            int x = 10 + p.depth() * INDENT;
            int y = p.row() * ROW + 5;
            ExecNode node = p.node();
            OperatorMetrics m = Metered.metricsOf(node);
            sb.append("<g><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
              .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"#eef4ff\" stroke=\"#4a78c2\"/>")
              .append("<text class=\"op\" x=\"").append(x + 8).append("\" y=\"").append(y + 20).append("\">")
              .append(esc(truncate(node.describe(), 84))).append("</text>");
            if (m != null) {
                long self = m.inclusiveNanos();
                for (ExecNode child : node.children()) {
                    OperatorMetrics cm = Metered.metricsOf(child);
                    if (cm != null) self -= cm.inclusiveNanos();
                }
                sb.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 40).append("\" font-size=\"12\" fill=\"#333\">")
                  .append("rows ").append(String.format(Locale.ROOT, "%,d", m.rows()))
                  .append(" · batches ").append(String.format(Locale.ROOT, "%,d", m.batches()))
                  .append(" · time ").append(seconds(m.inclusiveNanos())).append(" s (own ")
                  .append(seconds(Math.max(0, self))).append(" s) · partitions ").append(m.partitions());
                if (m.spillBytes() > 0) {
                    sb.append(" · spilled ").append(String.format(Locale.ROOT, "%,d", m.spillBytes())).append(" bytes in ")
                      .append(m.spillFiles()).append(" files (").append(seconds(m.spillNanos())).append(" s)");
                }
                sb.append("</text>");
            }
            sb.append("<title>").append(esc(node.describe())).append("</title></g>\n");
        }
        sb.append("</svg>\n");
    }

    private static void place(ExecNode node, int depth, int parentRow, List<Placed> out) {
        int row = out.size();
        out.add(new Placed(node, depth, row, parentRow));
        for (ExecNode child : node.children()) place(child, depth + 1, row, out);
    }

    private static void appendTimeline(StringBuilder sb, JobRecorder.QueryRun q) {
        List<JobRecorder.TaskRun> tasks = q.tasks();
        if (tasks.isEmpty()) {
            sb.append("<p>No tasks ran.</p>\n");
            return;
        }
        List<String> workers = new ArrayList<>(new TreeSet<>(tasks.stream().map(JobRecorder.TaskRun::worker).toList()));
        List<String> stages = new ArrayList<>(new java.util.LinkedHashSet<>(tasks.stream().map(JobRecorder.TaskRun::stage).toList()));
        long start = tasks.stream().mapToLong(JobRecorder.TaskRun::startNanos).min().orElse(0);
        long end = tasks.stream().mapToLong(JobRecorder.TaskRun::endNanos).max().orElse(start + 1);
        double span = Math.max(1, end - start);
        int width = 900, lane = 26, left = 140;
        int height = workers.size() * lane + 40;
        sb.append("<svg width=\"").append(width + left + 20).append("\" height=\"")
          .append(height).append("\" role=\"img\" aria-label=\"task timeline\">\n");
        for (int w = 0; w < workers.size(); w++) {
            sb.append("<text x=\"4\" y=\"").append(w * lane + 18).append("\" font-size=\"12\">").append(esc(workers.get(w))).append("</text>")
              .append("<line x1=\"").append(left).append("\" x2=\"").append(left + width).append("\" y1=\"").append(w * lane + lane - 2)
              .append("\" y2=\"").append(w * lane + lane - 2).append("\" stroke=\"#eee\"/>\n");
        }
        for (JobRecorder.TaskRun t : tasks) {
            int w = workers.indexOf(t.worker());
            double x = left + (t.startNanos() - start) / span * width;
            double tw = Math.max(1.5, (t.endNanos() - t.startNanos()) / span * width);
            int hue = Math.floorMod(stages.indexOf(t.stage()) * 67 + 210, 360);
            sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(w * lane + 4).append("\" width=\"").append(fmt(tw))
              .append("\" height=\"").append(lane - 8).append("\" fill=\"hsl(").append(hue).append(",60%,").append(t.succeeded() ? 55 : 35)
              .append("%)\"><title>").append(esc(t.stage())).append(" · partition ").append(t.partition()).append(" · ")
              .append(seconds(t.endNanos() - t.startNanos())).append(" s</title></rect>\n");
        }
        sb.append("<text x=\"").append(left).append("\" y=\"").append(height - 6).append("\" font-size=\"11\">0 s</text>")
          .append("<text x=\"").append(left + width - 40).append("\" y=\"").append(height - 6).append("\" font-size=\"11\">")
          .append(seconds(end - start)).append(" s</text>\n</svg>\n");
    }

    private static String fmt(double d) { return String.format(Locale.ROOT, "%.1f", d); }

    private static String seconds(long nanos) { return String.format(Locale.ROOT, "%.3f", nanos / 1e9); }

    private static String mib(long bytes) { return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0); }

    private static String truncate(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
