package dev.sluice.examples;

import dev.sluice.Sluice;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default column names (auto-names) against Spark's, over the whole function registry: every documented example
 * Sluice runs (spark-examples/passing.txt) is analyzed by Spark ({@code spark.sql(q).columns()}: no job runs) and by
 * Sluice, and the names must be equal. The few that still differ are listed with the reason in
 * {@code spark-examples/auto-name-differences.txt}; a difference not listed fails, and so does a listed one that
 * no longer differs (the list only shrinks). {@code -Dsluice.autonames.print=true} prints every difference.
 */
class AutoNamesTest {
    @Test void defaultColumnNamesMatchSparks() throws IOException {
        ExampleFile file = ExampleFile.parse(SparkExamplesTest.resource("spark-examples/examples.txt"));
        Set<String> passing = new TreeSet<>(SparkExamplesTest.lines(SparkExamplesTest.resource("spark-examples/passing.txt")));
        Map<String, String> known = SparkExamplesTest.skips(SparkExamplesTest.resource("spark-examples/auto-name-differences.txt"));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("sluice-tests").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        Map<String, String> differences = new TreeMap<>();
        int compared = 0;
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            for (ExampleFile.Example ex : file.examples()) {
                if (!passing.contains(ex.id()) || !ex.sql().strip().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")) continue;
                List<String> ours, theirs;
                try {
                    ours = Arrays.asList(sluice.sql(ex.sql()).columns());
                    theirs = Arrays.asList(spark.sql(ex.sql()).columns());
                } catch (RuntimeException e) {
                    continue;   // a statement the example needs first (SET, CREATE): not a naming question
                }
                compared++;
                if (!ours.equals(theirs)) differences.put(ex.id(), "sluice " + ours + " spark " + theirs);
            }
        }
        if (Boolean.getBoolean("sluice.autonames.print")) {
            StringBuilder sb = new StringBuilder();
            differences.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "sluice-auto-names.txt"), sb.toString());
        }
        List<String> unexpected = new ArrayList<>(), fixed = new ArrayList<>();
        differences.forEach((id, d) -> { if (!known.containsKey(id)) unexpected.add(id + ": " + d); });
        for (String id : known.keySet()) if (!differences.containsKey(id)) fixed.add(id);
        assertThat(compared).as("examples compared").isGreaterThan(800);
        assertThat(unexpected).as("auto-names that differ from Spark's (not in auto-name-differences.txt)").isEmpty();
        assertThat(fixed).as("listed in auto-name-differences.txt but now equal to Spark's: remove them").isEmpty();
    }
}
