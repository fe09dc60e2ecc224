package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;

/** Turns a failure while reading a (compressed) file into the coded error readers raise, with file, offset and line. */
public final class DecompressionErrors {
    private DecompressionErrors() {}

    /**
     * CORRUPT_COMPRESSED_FILE when {@code e} is a decoding failure ({@link CorruptCompressedInput}), naming the
     * byte offset and {@code lastCompleteLine} (0 when no line was complete); otherwise IO_ERROR naming the path.
     */
    public static SluiceException of(String path, IOException e, long lastCompleteLine) {
        if (e instanceof CorruptCompressedInput c) {
            return SluiceException.of(ErrorCode.CORRUPT_COMPRESSED_FILE).with("path", path)
                    .with("offset", String.valueOf(c.offset())).with("reason", c.problem())
                    .with("line", lastCompleteLine == 0 ? "0 (none)" : String.valueOf(lastCompleteLine))
                    .cause(e).build();
        }
        return IoErrors.io(path, e);
    }
}
