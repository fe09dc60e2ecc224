package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Glue's avro format through sluice-avro: a sink and a source; orc is refused naming why. */
class AvroGlueTest extends GlueTestBase {
    @Test void writesAndReadsAvro() {
        DynamicFrame f = json("{\"id\": 1, \"name\": \"a\", \"address\": {\"zip\": 10}}", "{\"id\": 2, \"tags\": [\"x\"]}");
        String out = dir.resolve("avro").toString();
        glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", out), "avro");
        DynamicFrame back = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(out), "recurse", "true"), "avro");
        assertThat(back.schemaString()).isEqualTo(f.schemaString());
        assertThat(jsonOf(back)).isEqualTo(jsonOf(f));
    }

    @Test void orcIsRefused() {
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.toString())), "orc"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }
}
