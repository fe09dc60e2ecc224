package dev.sluice.badinput;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every reader and writer checks its options when the DataFrame or the write is built. */
class ReaderOptionsTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static Path json;

    @BeforeAll static void start() throws IOException {
        sluice = Sluice.builder().parallelism(2).build();
        json = dir.resolve("a.jsonl");
        Files.writeString(json, "{\"id\":1}\n");
    }

    @AfterAll static void stop() { sluice.close(); }

    static void assertInvalidOption(Runnable r, String option) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
            assertThat(e.fact("option")).isEqualToIgnoringCase(option);
        });
    }

    @Test void aMisspeltJsonOptionIsRefusedNamingTheClosestAndTheAcceptedOnes() {
        assertThatThrownBy(() -> sluice.read().schema("id INT").option("multiline", "true").option("mulitLine", "true").json(json.toString()))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
                    assertThat(e.fact("option")).isEqualTo("mulitLine");
                    assertThat(e.fact("reason")).contains("did you mean multiline?", "allowcomments", "ignorecorruptfiles");
                });
    }

    @Test void badJsonOptionValuesAreRefused() {
        assertInvalidOption(() -> sluice.read().schema("id INT").option("multiLine", "maybe").json(json.toString()), "multiLine");
        assertInvalidOption(() -> sluice.read().option("multiLine", "maybe").json(json.toString()), "multiLine");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("allowComments", "yes").json(json.toString()), "allowComments");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("samplingRatio", "2").json(json.toString()), "samplingRatio");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("encoding", "UTF-16").json(json.toString()), "encoding");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("lineSep", ";").json(json.toString()), "lineSep");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("ignoreCorruptFiles", "1").json(json.toString()), "ignoreCorruptFiles");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("pathGlobFilter", "[a").json(json.toString()), "pathGlobFilter");
    }

    @Test void sparkOptionsWithoutEffectAreAcceptedAndDocumented() {
        DataFrame df = sluice.read().schema("id INT").option("samplingRatio", "0.5").json(json.toString());
        assertThat(df.count()).isEqualTo(1);
    }

    @Test void csvAndTextReadersRefuseUnknownOptionsAndBadFlags() {
        assertInvalidOption(() -> sluice.read().schema("id INT").option("headr", "true").csv(json.toString()), "headr");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("header", "ja").csv(json.toString()), "header");
        assertInvalidOption(() -> sluice.read().schema("id INT").option("enforceSchema", "nope").csv(json.toString()), "enforceSchema");
        assertInvalidOption(() -> sluice.read().option("wholeText", "x").text(json.toString()), "wholetext");
        assertInvalidOption(() -> sluice.read().option("multiLine", "true").text(json.toString()), "multiLine");
    }

    @Test void writersRefuseUnknownOptions() {
        DataFrame df = sluice.read().schema("id INT").json(json.toString());
        assertInvalidOption(() -> df.write().option("ignoreNullField", "false").json(dir.resolve("w1").toString()), "ignoreNullField");
        assertInvalidOption(() -> df.write().option("ignoreNullFields", "no").json(dir.resolve("w2").toString()), "ignoreNullFields");
        assertInvalidOption(() -> df.write().option("quoteAl", "true").csv(dir.resolve("w3").toString()), "quoteAl");
        assertInvalidOption(() -> df.write().option("header", "maybe").csv(dir.resolve("w4").toString()), "header");
        assertInvalidOption(() -> df.write().option("compression", "lzo").json(dir.resolve("w5").toString()), "compression");
        assertThat(Files.exists(dir.resolve("w1"))).isFalse();
    }

    @Test void fromJsonChecksItsOptions() {
        assertInvalidOption(() -> dev.sluice.functions.from_json(dev.sluice.functions.col("s"), "a INT", java.util.Map.of("multiLine", "true")), "multiline");
        assertInvalidOption(() -> dev.sluice.functions.from_json(dev.sluice.functions.col("s"), "a INT", java.util.Map.of("mode", "DROPMALFORMED")), "mode");
        assertInvalidOption(() -> dev.sluice.functions.from_json(dev.sluice.functions.col("s"), "a INT", java.util.Map.of("allowComments", "si")), "allowComments");
        dev.sluice.functions.from_json(dev.sluice.functions.col("s"), "a INT", java.util.Map.of("mode", "FAILFAST", "allowComments", "true"));
    }
}
