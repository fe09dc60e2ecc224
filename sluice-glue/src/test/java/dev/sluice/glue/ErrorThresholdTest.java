package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** stageThreshold / totalThreshold: enforced when computed, 0 = no limit, coded error naming transform and context. */
class ErrorThresholdTest extends GlueTestBase {
    DynamicFrame withErrors() {
        // 2 malformed lines (reader errors), then a map failing on id 3 and 4
        return json("{\"id\": 1}", "{bad", "{\"id\": 2}", "{worse", "{\"id\": 3}", "{\"id\": 4}");
    }

    DynamicFrame mapped(TransformOptions options) {
        return withErrors().map(r -> {
            if ((Integer) r.get("id") >= 3) throw new IllegalStateException("no " + r.get("id"));
            return r;
        }, options);
    }

    @Test void zeroMeansNoLimit() {
        DynamicFrame f = mapped(TransformOptions.DEFAULT);
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.errorsCount()).isEqualTo(4);
        assertThat(f.stageErrorsCount()).isEqualTo(2);
        f.assertErrorThreshold();
    }

    @Test void definingAFrameOverItsThresholdDoesNotFailOnlyComputingItDoes() {
        DynamicFrame f = mapped(new TransformOptions("map_ctx", "my info", 1, 0));
        assertThatThrownBy(f::count).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GLUE_ERROR_THRESHOLD);
            assertThat(e.getMessage()).contains("map").contains("map_ctx").contains("stageThreshold 1");
        });
        assertThatThrownBy(f::assertErrorThreshold)
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_ERROR_THRESHOLD));
    }

    @Test void stageThresholdCountsOnlyThisTransformsErrors() {
        assertThat(mapped(new TransformOptions("c", "", 2, 0)).count()).isEqualTo(2);
    }

    @Test void totalThresholdCountsEarlierErrorsToo() {
        assertThat(mapped(new TransformOptions("c", "", 0, 4)).count()).isEqualTo(2);
        assertThatThrownBy(() -> mapped(new TransformOptions("c", "", 0, 3)).count())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.getMessage()).contains("totalThreshold 3"));
    }

    @Test void thresholdsHoldDownstreamAndFailAWriteBeforeItCommits() {
        DynamicFrame f = mapped(new TransformOptions("c", "", 1, 0)).selectFields("id");
        String out = dir.resolve("out").toString();
        assertThatThrownBy(() -> glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", out), "json"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_ERROR_THRESHOLD));
        assertThat(java.nio.file.Files.exists(dir.resolve("out").resolve("_SUCCESS"))).isFalse();
    }

    @Test void errorRecordsCarryInfoAndContext() {
        DynamicFrame f = mapped(new TransformOptions("map_ctx", "my info", 0, 0));
        List<DynamicRecord> errors = f.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(4);
        assertThat(errors).filteredOn(r -> "my info".equals(r.getField("error.callsite.info"))).hasSize(2)
                .allSatisfy(r -> assertThat((String) r.getField("error.callsite.site")).contains("map_ctx"))
                .allSatisfy(r -> assertThat((String) r.getField("error.stackTrace")).contains("IllegalStateException"));
    }
}
