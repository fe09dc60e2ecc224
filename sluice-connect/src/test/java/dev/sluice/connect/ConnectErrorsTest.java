package dev.sluice.connect;

import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectErrorsTest {
    private static ErrorInfo info(Throwable t) throws Exception {
        StatusRuntimeException e = ConnectErrors.toStatus(t);
        Status status = StatusProto.fromThrowable(e);
        assertThat(status).isNotNull();
        return status.getDetails(0).unpack(ErrorInfo.class);
    }

    @Test
    void analysisErrorsNameSparksExceptionClassAndCondition() throws Exception {
        ErrorInfo info = info(SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", "x").with("suggestion", "").build());
        assertThat(info.getReason()).isEqualTo("org.apache.spark.sql.AnalysisException");
        assertThat(info.getMetadataMap())
                .containsEntry("classes", "[\"org.apache.spark.sql.AnalysisException\"]")
                .containsEntry("errorClass", "UNRESOLVED_COLUMN.WITH_SUGGESTION")
                .containsEntry("sqlState", "42703")
                .containsEntry("sluiceErrorCode", "COLUMN_NOT_FOUND");
        assertThat(info.getMetadataOrThrow("messageParameters")).contains("\"column\":\"x\"");
    }

    @Test
    void runtimeErrorsMapToTheirJavaExceptionFamilies() throws Exception {
        assertThat(info(SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build()).getMetadataOrThrow("classes"))
                .contains("java.lang.ArithmeticException");
        assertThat(info(SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", "s").with("reason", "r").build()).getReason())
                .isEqualTo("org.apache.spark.sql.catalyst.parser.ParseException");
        assertThat(info(ConnectErrors.unsupported("rollup", "no")).getMetadataOrThrow("classes"))
                .contains("java.lang.UnsupportedOperationException");
    }

    @Test
    void anythingElseIsAnInternalError() throws Exception {
        ErrorInfo info = info(new IllegalStateException("boom"));
        assertThat(info.getMetadataOrThrow("sluiceErrorCode")).isEqualTo("INTERNAL_ERROR");
        assertThat(info.getReason()).isEqualTo("org.apache.spark.SparkException");
    }

    @Test
    void wrappedSluiceErrorsKeepTheirCode() throws Exception {
        RuntimeException wrapped = new RuntimeException(SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", "/x").build());
        assertThat(info(wrapped).getMetadataOrThrow("errorClass")).isEqualTo("PATH_NOT_FOUND");
    }
}
