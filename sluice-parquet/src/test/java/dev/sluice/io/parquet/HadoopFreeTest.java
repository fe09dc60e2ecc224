package dev.sluice.io.parquet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's tests run without Hadoop on the class path (the pom excludes the compile-only Hadoop API from
 * the test class path), so every other test proves that reading and writing need no Hadoop class.
 */
class HadoopFreeTest {
    @Test void hadoopIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
