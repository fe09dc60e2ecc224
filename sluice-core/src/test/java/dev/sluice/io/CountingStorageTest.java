package dev.sluice.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CountingStorageTest {
    @TempDir Path tmp;

    @Test void countsOpensPerPathAndBytesRead() throws IOException {
        Files.writeString(tmp.resolve("a"), "0123456789");
        Files.writeString(tmp.resolve("b"), "xy");
        CountingStorage storage = CountingStorage.local();
        assertThat(storage.untouched()).isTrue();
        String a = tmp.resolve("a").toString();
        try (InputStream in = storage.open(a)) {
            in.read(new byte[4]);
            in.read();
        }
        try (SeekableInputStream in = storage.open(a)) {
            in.seek(8);
            in.readAllBytes();
        }
        try (InputStream in = storage.open(tmp.resolve("b").toString())) {
            in.readAllBytes();
        }
        assertThat(storage.opens(a)).isEqualTo(2);
        assertThat(storage.opens(tmp.resolve("b").toString())).isEqualTo(1);
        assertThat(storage.totalOpens()).isEqualTo(3);
        assertThat(storage.bytesRead()).isEqualTo(5 + 2 + 2);
        assertThat(storage.untouched()).isFalse();
        storage.reset();
        assertThat(storage.untouched()).isTrue();
    }

    @Test void countsMetadataCalls() {
        CountingStorage storage = CountingStorage.local();
        storage.list(tmp.toString());
        storage.exists(tmp.toString());
        storage.status(tmp.toString());
        assertThat(storage.listings()).isEqualTo(1);
        assertThat(storage.statusCalls()).isEqualTo(2);
        assertThat(storage.totalOpens()).isZero();
        assertThat(storage.untouched()).isFalse();
    }
}
