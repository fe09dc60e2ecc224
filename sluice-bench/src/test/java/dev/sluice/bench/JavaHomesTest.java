package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JavaHomesTest {
    @Test void featureVersionComesFromTheReleaseFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertThat(JavaHomes.featureVersion(dir)).isEqualTo("25");
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        assertThat(JavaHomes.featureVersion(dir)).isEqualTo("8");
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=x\n");
        assertThat(JavaHomes.featureVersion(dir)).isNull();
    }

    @Test void aJdkHomeIsTakenAsItIsAndAnUnknownVersionIsNotFound(@TempDir Path dir) throws IOException {
        Path java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        assertThat(JavaHomes.launcher(dir.toString())).contains(java);
        assertThat(JavaHomes.launcher("4")).isEmpty();
    }
}
