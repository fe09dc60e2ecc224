package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.FunctionCall;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Python worker protocol from the engine's side: a pickled PySpark UDF evaluated by a pooled worker. */
class PythonUdfTest {
    /** PySpark's command for {@code lambda x: x * 2} returning bigint, pickled by the installed pyspark-client. */
    private static byte[] pickledTimesTwo() throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import base64; from pyspark.serializers import CloudPickleSerializer as S; from pyspark.sql.types import LongType;"
                        + "print(base64.b64encode(S().dumps((lambda x: x * 2, LongType()))).decode())")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor() == 0, "python3 with pyspark-client is needed: " + out);
        return Base64.getDecoder().decode(out);
    }

    @Test void evaluatesBatchesInPooledWorkersAndEndsThemOnClose() throws Exception {
        byte[] command = pickledTimesTwo();
        try (Sluice sluice = Sluice.builder().parallelism(2).build(); PythonWorkers workers = new PythonWorkers(() -> "python3")) {
            PythonUdf twice = new PythonUdf("twice", DataTypes.LONG, 100, ByteString.copyFrom(command), true, workers, () -> "UTC");
            DataFrame df = sluice.range(0, 20000, 1, 4)
                    .select(new dev.sluice.Column(FunctionCall.inline(twice, List.of(col("id").expr()))).alias("d"));
            assertThat(df.columns()).containsExactly("d");
            List<Long> values = df.collectAsList().stream().map(r -> (Long) r.get(0)).sorted().toList();
            assertThat(values).hasSize(20000);
            assertThat(values.get(19999)).isEqualTo(39998L);
            assertThat(workers.size()).isBetween(1, 2);
            workers.close();
            assertThat(workers.size()).isZero();
        }
    }

    @Test void aMissingPythonIsACodedError() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build();
             PythonWorkers workers = new PythonWorkers(() -> "/nonexistent/python-for-sluice")) {
            PythonUdf f = new PythonUdf("f", DataTypes.LONG, 100, ByteString.copyFromUtf8("x"), true, workers, () -> "UTC");
            DataFrame df = sluice.sql("SELECT 1 AS id").select(new dev.sluice.Column(FunctionCall.inline(f, List.of(col("id").expr()))));
            assertThatThrownBy(df::collectAsList).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(ConnectErrors.asSluice(e).code()).isEqualTo(ErrorCode.PYTHON_WORKER_FAILED));
        }
    }
}
