package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.FileStatus;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parquet, through parquet-java without Hadoop at run time. The schema comes from the footer of the first
 * file in path order (Spark reads one footer too unless {@code mergeSchema} is set; merging is not supported).
 */
public final class ParquetFileFormat implements FileFormat {
    @Override public String name() { return "parquet"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        for (FileStatus file : FileListing.resolve(context.storage(), paths, context.listing())) {
            if (file.size() == 0) continue;
            var meta = Footers.read(context.storage(), file).getFileMetaData();
            return SparkRowMetadata.withCollations(ParquetTypes.toSluice(meta.getSchema()), meta.getKeyValueMetaData());
        }
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "read.parquet")
                .with("reason", "unable to infer the schema: no Parquet file under " + String.join(", ", paths)
                        + "; give the schema with schema(...)")
                .build();
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        if (Boolean.parseBoolean(context.option("mergeSchema", "false"))) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "The Parquet option mergeSchema")
                    .with("reason", "schemas are read from the first file; give the full schema with schema(...) instead")
                    .build();
        }
        return new ParquetSource(context.storage(), paths, schema, context.maxSplitBytes(), context.listing());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        return new ParquetRecordFormat(ParquetWriteOptions.parse(options));
    }

    @Override public Set<String> readOptions() { return Set.of("mergeschema", "recursivefilelookup"); }

    @Override public Set<String> writeOptions() {
        return Set.of("parquet.block.size", "rowgroupsize", "outputtimestamptype", "spark.sql.parquet.outputtimestamptype");
    }
}
