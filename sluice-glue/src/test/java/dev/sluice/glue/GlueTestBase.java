package dev.sluice.glue;

import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A session and GlueContext per test, with helpers to read JSON Lines into frames and records out as JSON. */
abstract class GlueTestBase {
    @TempDir Path dir;
    Sluice sluice;
    GlueContext glue;
    private int files;

    @BeforeEach void openSession() {
        sluice = Sluice.builder().parallelism(2).build();
        glue = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).catalog(dir.resolve("catalog")).build();
    }

    @AfterEach void closeSession() { sluice.close(); }

    DynamicFrame json(String... lines) {
        try {
            Path f = dir.resolve("input-" + (files++) + ".json");
            Files.write(f, List.of(lines));
            return glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every record as compact JSON, sorted (row order is not defined without an order, as in Glue). */
    static List<String> jsonOf(DynamicFrame f) {
        List<String> out = new ArrayList<>();
        for (DynamicRecord r : f.collect()) out.add(r.toJson());
        out.sort(null);
        return out;
    }
}
