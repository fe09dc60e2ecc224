package dev.sluice.connect;

import com.google.rpc.ErrorInfo;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** FetchErrorDetails answers an error's id with the error and its cause chain, Spark's classes and condition. */
class ErrorDetailsTest {
    @Test void errorsCarryAnIdWhoseDetailsHoldTheCauseChain() throws Exception {
        SluiceException error = SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", "f")
                .with("reason", "boom").cause(new IllegalStateException("inner")).build();
        var status = StatusProto.fromThrowable(ConnectErrors.toStatus(error));
        ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
        String id = info.getMetadataOrThrow("errorId");

        var details = ErrorDetails.details(id).build();
        assertThat(details.getRootErrorIdx()).isZero();
        assertThat(details.getErrorsCount()).isEqualTo(2);
        var root = details.getErrors(0);
        assertThat(root.getErrorTypeHierarchyList()).containsExactly("org.apache.spark.SparkException");
        // the condition travels in the ErrorInfo (PySpark's source); the details leave it out so that the JVM
        // client keeps the message instead of formatting Spark's template with Sluice's parameters
        assertThat(info.getMetadataOrThrow("errorClass")).isEqualTo("FAILED_EXECUTE_UDF");
        assertThat(root.getSparkThrowable().hasErrorClass()).isFalse();
        assertThat(root.getSparkThrowable().getMessageParametersMap()).containsEntry("function", "f");
        assertThat(root.getSparkThrowable().getMessageParametersMap()).containsEntry("function", "f");
        assertThat(root.getCauseIdx()).isEqualTo(1);
        assertThat(root.getStackTraceCount()).isPositive();
        assertThat(details.getErrors(1).getErrorTypeHierarchyList()).containsExactly("java.lang.IllegalStateException");
        assertThat(details.getErrors(1).hasCauseIdx()).isFalse();
        assertThat(ErrorDetails.details("no-such-id").hasRootErrorIdx()).isFalse();
    }

    @Test void detailsKeepTheConditionWhereTheJvmClientCannotBuildTheExceptionWithoutIt() throws Exception {
        SluiceException error = SluiceException.of(ErrorCode.DUPLICATE_MAP_KEY).with("key", "k").build();
        ErrorInfo info = StatusProto.fromThrowable(ConnectErrors.toStatus(error)).getDetails(0).unpack(ErrorInfo.class);
        var root = ErrorDetails.details(info.getMetadataOrThrow("errorId")).build().getErrors(0);
        assertThat(root.getErrorTypeHierarchyList()).containsExactly("org.apache.spark.SparkRuntimeException");
        assertThat(root.getSparkThrowable().getErrorClass()).isEqualTo("DUPLICATE_MAP_KEY");
    }
}
