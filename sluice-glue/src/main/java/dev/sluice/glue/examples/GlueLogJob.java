package dev.sluice.glue.examples;

import dev.sluice.Sluice;
import dev.sluice.glue.DynamicFrame;
import dev.sluice.glue.GlueContext;
import dev.sluice.glue.Mapping;
import dev.sluice.glue.TransformOptions;
import dev.sluice.glue.job.GlueArgs;
import dev.sluice.glue.job.Job;

import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;

/**
 * A Glue job in Glue's shape: resolved arguments, Job.init, a bookmarked source, DataFrame work in the middle,
 * a DynamicFrame sink, job.commit(). Run it incrementally over a directory that grows:
 * <pre>
 * ./sluice run --class dev.sluice.glue.examples.GlueLogJob -- --JOB_NAME logs \
 *     --job-bookmark-option job-bookmark-enable --input data/ --output out/countries
 * </pre>
 * Each run reads only the files no committed run read, and appends their rows to the output.
 */
public final class GlueLogJob {
    static final String CONTENT = "struct<user: struct<id: bigint, country: string>, error: struct<code: string, message: string>>";

    private GlueLogJob() {}

    public static void main(String[] argv) {
        Map<String, String> args = GlueArgs.getResolvedOptions(argv, "JOB_NAME", "input", "output");
        try (Sluice sluice = Sluice.local()) {
            GlueContext glueContext = new GlueContext(sluice);
            Job job = new Job(glueContext).init(args.get("JOB_NAME"), args);

            DynamicFrame logs = glueContext.createDynamicFrame().fromOptions("s3",
                    Map.of("paths", List.of(args.get("input")), "recurse", "true"), "json", Map.of(), "logs_source");
            if (logs.schema().size() == 0) {   // no new input: like an empty Glue frame, it has no fields to transform
                System.out.println("job " + args.get("JOB_NAME") + " run " + job.runId() + ": no new input");
                job.commit();
                return;
            }
            var parsed = logs.toDF().withColumn("content", from_json(col("response_body"), CONTENT));
            DynamicFrame content = DynamicFrame.fromDF(parsed, glueContext, "logs_content_dyf");
            DynamicFrame countries = content.applyMapping(List.of(
                    Mapping.of("ts", "string", "ts", "string"),
                    Mapping.of("content.user.country", "string", "country", "string"),
                    Mapping.of("status", "int", "status", "int")), true, TransformOptions.context("countries"));
            var written = glueContext.writeDynamicFrame().fromOptions(countries, "s3",
                    Map.of("path", args.get("output")), "json", Map.of(), "countries_sink");
            System.out.println("job " + args.get("JOB_NAME") + " run " + job.runId() + ": wrote " + written.rows() + " rows ("
                    + args.get("job_bookmark_option") + ")");
            job.commit();
        }
    }
}
