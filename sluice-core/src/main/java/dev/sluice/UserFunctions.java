package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

/** How a user's function that failed (foreach, foreachPartition) surfaces: FAILED_EXECUTE_UDF with its exception as cause. */
final class UserFunctions {
    private UserFunctions() {}

    static SluiceException failed(String function, Throwable cause) {
        return SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", function).with("reason", String.valueOf(cause)).cause(cause).build();
    }
}
