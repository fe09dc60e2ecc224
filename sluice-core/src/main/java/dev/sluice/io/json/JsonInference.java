package dev.sluice.io.json;

import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileStatus;
import dev.sluice.io.LineReader;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Storage;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.JsonSchemaInference;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * Infers the schema of JSON Lines files: the one documented exception to laziness. Reads the first
 * {@code sampleRecords} non-empty lines in file order (0 = every line of every file), widening types as
 * Spark does; the result is deterministic for the same files.
 */
public final class JsonInference {
    private JsonInference() {}

    public static StructType infer(Storage storage, List<String> paths, JsonOptions options, int sampleRecords) {
        JsonSchemaInference inference = new JsonSchemaInference(options);
        long seen = 0;
        for (FileStatus file : FileListing.resolve(storage, paths, ListingOptions.of(options.values()))) {
            try (LineReader lines = LineReader.open(storage, FileSplit.whole(file))) {
                while (lines.next()) {
                    if (isBlank(lines.buffer(), lines.offset(), lines.length())) continue;
                    inference.add(lines.buffer(), lines.offset(), lines.length());
                    if (sampleRecords > 0 && ++seen >= sampleRecords) return inference.result();
                }
            }
        }
        return inference.result();
    }

    private static boolean isBlank(byte[] buf, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }
}
