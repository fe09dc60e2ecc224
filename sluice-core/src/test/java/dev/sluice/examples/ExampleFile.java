package dev.sluice.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of {@code spark-examples/examples.txt} (written by sluice-spark's SparkExamplesGenerator): for
 * each documented example of a Spark function, its SQL, Spark's result types and rows (hive text), or the error
 * condition Spark raised.
 */
record ExampleFile(List<Example> examples, List<String> functions) {
    /** One example: {@code id} is {@code function#n} (n from 1, in documentation order). */
    record Example(String id, String function, String group, String sql, List<String> types, List<String> rows, String error) {}

    static ExampleFile parse(String text) {
        List<Example> out = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        String function = null, group = null, sql = null, error = null;
        List<String> types = List.of();
        List<String> rows = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) continue;
            if (rows != null && !line.equals("end")) {
                rows.add(line.replace("\\n", "\n"));
            } else if (line.startsWith("function ")) {
                String[] p = line.split(" ");
                function = p[1];
                group = p[2];
                functions.add(function);
                n = 0;
            } else if (line.startsWith("query ")) {
                sql = line.substring(6);
                types = List.of();
                error = null;
            } else if (line.startsWith("types")) {
                types = line.length() > 6 ? List.of(line.substring(6).split("\t")) : List.of();
            } else if (line.startsWith("error ")) {
                error = line.substring(6);
            } else if (line.equals("----")) {
                rows = new ArrayList<>();
            } else if (line.equals("end")) {
                n++;
                out.add(new Example(function + "#" + n, function, group, sql, types, rows == null ? List.of() : List.copyOf(rows), error));
                rows = null;
            }
        }
        return new ExampleFile(out, functions);
    }
}
