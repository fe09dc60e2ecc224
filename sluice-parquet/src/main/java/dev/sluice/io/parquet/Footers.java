package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.Storage;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;

/** Reads Parquet footers (schema, row groups, statistics) through Sluice storage. */
final class Footers {
    static final ParquetReadOptions OPTIONS = HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE);

    private Footers() {}

    static ParquetMetadata read(Storage storage, FileStatus file) {
        StorageInputFile input = new StorageInputFile(storage, file.path(), file.size());
        try (SeekableInputStream in = input.newStream()) {
            return ParquetFileReader.readFooter(input, OPTIONS, in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SluiceException s) throw s;
            throw unreadable(file.path(), e);
        }
    }

    /** IO_ERROR naming the file: not Parquet, truncated or corrupt (Spark: FAILED_READ_FILE). */
    static SluiceException unreadable(String path, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path)
                .with("reason", "cannot read it as Parquet: " + reason).cause(e).build();
    }
}
