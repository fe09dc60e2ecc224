package dev.sluice.cli;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.exec.JobListener;
import dev.sluice.glue.DynamicFrame;
import dev.sluice.glue.GlueContext;
import dev.sluice.glue.Mapping;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;

/**
 * {@code sluice demo --glue}: the demo's log job through Glue's API: a GlueContext source (Glue's JSON reader:
 * schema computed from the records, error records for bad lines), {@code toDF().withColumn("content",
 * from_json(...))}, {@code DynamicFrame.fromDF}, applyMapping and a Glue JSON sink.
 */
final class GlueDemoJob implements DemoCommand.Job {
    @Override
    public DemoJob.Result run(DemoConfig config, JobListener listener, PrintWriter out) {
        try (Sluice sluice = Sluice.builder().parallelism(config.parallelism()).listener(listener).build()) {
            GlueContext glue = GlueContext.builder(sluice).bookmarks(config.outDir().resolve("_bookmarks")).build();
            DynamicFrame logs = glue.createDynamicFrame().fromOptions("file",
                    Map.of("paths", List.of(config.dataFile().toString())), "json", Map.of(), "logs");
            DataFrame parsed = logs.toDF().withColumn("content", from_json(col("response_body"), DemoJob.CONTENT_SCHEMA_DDL));
            DynamicFrame content = DynamicFrame.fromDF(parsed, glue, "logs_content_dyf");
            DynamicFrame countries = content.applyMapping(List.of(Mapping.of("ts", "string", "ts", "string"),
                    Mapping.of("content.user.country", "string", "country", "string")));
            section(out, "DynamicFrame logs: printSchema() (computed from the records: one pass)");
            out.print(logs.schemaString());
            section(out, "running: failures, then the write");
            long failures = parsed.filter(col("content.error").isNotNull()).count();
            clear(config.outDir());
            WriteResult written = glue.writeDynamicFrame().fromOptions(countries, "file",
                    Map.of("path", config.outDir().toString()), "json");
            section(out, "error records of the reader: " + logs.errorsCount());
            section(out, "DynamicFrame " + countries.name() + ": show(2)");
            out.print(countries.showString(2));
            out.flush();
            return new DemoJob.Result(written.rows(), failures);
        }
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
