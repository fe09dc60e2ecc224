package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The CSV form of the workload's logs, for Q1CSV: the input columns in order under a header line; every string
 * quoted with a quote inside doubled (RFC 4180, read with {@code escape="} by Sluice and Spark and by DuckDB's
 * read_csv); numbers as the JSON text had them; a missing or null field empty and unquoted (NULL for every engine).
 * {@code response_body}, a JSON document, is the one field with quotes inside.
 */
final class CsvLogs {
    private CsvLogs() {}

    static final List<String> COLUMNS = List.of("ts", "request_id", "service", "method", "path", "status", "latency_ms",
            "response_body");

    /** {@code logs.csv} beside {@code jsonl} (for {@code logs.jsonl}), written once from it. */
    static Path ensure(Path jsonl) throws IOException {
        String name = jsonl.getFileName().toString();
        Path csv = jsonl.resolveSibling((name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name) + ".csv");
        if (Files.isRegularFile(csv) && Files.getLastModifiedTime(csv).compareTo(Files.getLastModifiedTime(jsonl)) >= 0) {
            return csv;
        }
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        convert(jsonl, tmp);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return csv;
    }

    static void convert(Path jsonl, Path csv) throws IOException {
        JsonFactory factory = new JsonFactory();
        String[] fields = new String[COLUMNS.size()];
        boolean[] quoted = new boolean[COLUMNS.size()];
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                java.util.Arrays.fill(fields, null);
                try (JsonParser p = factory.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object: " + line);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        int i = COLUMNS.indexOf(p.currentName());
                        JsonToken value = p.nextToken();
                        if (i < 0 || value == JsonToken.VALUE_NULL) {
                            p.skipChildren();
                            continue;
                        }
                        if (!value.isScalarValue()) throw new IOException("field " + COLUMNS.get(i) + " is not a scalar: " + line);
                        fields[i] = p.getText();
                        quoted[i] = value == JsonToken.VALUE_STRING;
                    }
                }
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) out.write(',');
                    if (fields[i] == null) continue;
                    if (quoted[i]) out.write('"' + fields[i].replace("\"", "\"\"") + '"');
                    else out.write(fields[i]);
                }
                out.write('\n');
            }
        }
    }
}
