package dev.sluice.glue;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.io.Storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * spigot(path, options) (GLUE.md §3.12): passes the frame through and, as a side effect when the frame is first
 * computed, writes a sample as compact JSON Lines to {@code path/part-00000.json}: records are taken with
 * probability {@code prob} (default 1) until {@code topk} (default 100) are written. Reads only as far as it
 * needs. The sample uses a fixed seed, so a run is repeatable.
 */
final class SpigotTransform {
    private SpigotTransform() {}

    static DynamicFrame apply(DynamicFrame frame, String path, Map<String, String> options, TransformOptions t) {
        long topk = 100;
        double prob = 1;
        for (Map.Entry<String, String> e : options.entrySet()) {
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "topk" -> topk = SourceOptions.number("topk", e.getValue());
                case "prob" -> {
                    try {
                        prob = Double.parseDouble(e.getValue());
                    } catch (NumberFormatException x) {
                        throw SourceOptions.invalid("prob", e.getValue(), "a probability between 0 and 1");
                    }
                    if (prob < 0 || prob > 1) throw SourceOptions.invalid("prob", e.getValue(), "a probability between 0 and 1");
                }
                default -> throw SourceOptions.invalid(e.getKey(), e.getValue(), "spigot takes topk and prob");
            }
        }
        long k = topk;
        double p = prob;
        return frame.derive("spigot", t, null, stage -> {
            write(frame, path, k, p);
            return frame.plan();
        });
    }

    private static void write(DynamicFrame frame, String path, long topk, double prob) {
        GlueContext ctx = frame.glueContext();
        Storage storage = ctx.sluice().storage();
        String dir = GluePaths.resolve(path, ctx.s3LocalRoot()).replaceAll("/+$", "");
        Random random = new Random(0);
        long written = 0;
        try (OutputStream out = new java.io.BufferedOutputStream(storage.create(dir + "/part-00000.json"));
             CloseableIterator<DynamicRecord> it = frame.records()) {
            while (written < topk && it.hasNext()) {
                DynamicRecord r = it.next();
                if (prob < 1 && random.nextDouble() >= prob) continue;
                out.write(r.toJson().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
