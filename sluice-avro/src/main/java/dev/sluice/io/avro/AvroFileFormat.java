package dev.sluice.io.avro;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.FileStatus;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Avro ({@code read().format("avro")}, {@code write().format("avro")}), on Apache Avro without Hadoop. The schema
 * comes from the header of the first non-empty file in path order (as Spark's Avro source does by default).
 */
public final class AvroFileFormat implements FileFormat {
    @Override public String name() { return "avro"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        for (FileStatus file : FileListing.resolve(context.storage(), paths, context.listing())) {
            if (file.size() == 0) continue;
            try (InputStream in = context.storage().open(file.path());
                 DataFileStream<GenericRecord> s = new DataFileStream<>(in, new GenericDatumReader<>())) {
                return AvroTypes.toSluice(s.getSchema());
            } catch (IOException e) {
                throw SluiceException.of(ErrorCode.IO_ERROR).with("path", file.path()).with("reason", "not an Avro file: " + e.getMessage()).build();
            }
        }
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "read.avro")
                .with("reason", "unable to infer the schema: no Avro file under " + String.join(", ", paths) + "; give the schema with schema(...)")
                .build();
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        return new AvroSource(context.storage(), paths, schema, context.listing());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        String compression = null;
        for (Map.Entry<String, String> e : options.entrySet()) if (e.getKey().equalsIgnoreCase("compression")) compression = e.getValue();
        return new AvroRecordFormat(compression);
    }

    @Override public Set<String> readOptions() { return Set.of("recursivefilelookup", "pathglobfilter"); }

    @Override public Set<String> writeOptions() { return Set.of(); }
}
