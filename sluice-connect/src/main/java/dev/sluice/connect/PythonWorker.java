package dev.sluice.connect;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One Python process running {@code python_worker.py}: it evaluates batches of a PySpark UDF, one request at a
 * time (the pool hands a worker to one caller at a time). Requests and answers are length-prefixed frames over
 * its stdin and stdout; its stderr (whatever the UDF prints) goes to the server's.
 */
final class PythonWorker implements AutoCloseable {
    private final Process process;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final String executable;

    private PythonWorker(Process process, String executable) {
        this.process = process;
        this.executable = executable;
        this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Starts {@code executable} on the worker script; PYTHON_WORKER_FAILED when it cannot be started. */
    static PythonWorker start(String executable, Path script, String function) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(executable, "-u", script.toString()));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return new PythonWorker(pb.start(), executable);
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.PYTHON_WORKER_FAILED).with("executable", executable).with("function", function)
                    .with("reason", "it cannot be started (" + e.getMessage() + "); set spark.pyspark.python or PYSPARK_PYTHON "
                            + "to a Python that has pyspark-client installed").cause(e).build();
        }
    }

    /**
     * Evaluates one batch: the Arrow IPC stream of the results, or FAILED_EXECUTE_UDF with the Python traceback when
     * the function raised. PYTHON_WORKER_FAILED when the process died (it is then unusable).
     */
    byte[] evaluate(byte[] command, int evalType, String sessionZone, byte[] resultSchema, byte[] arguments, String function) {
        return call(command, evalType, sessionZone, resultSchema, List.of(arguments), function);
    }

    /**
     * One request with its input frames (a scalar UDF's arguments; a group's key row and rows; a cogroup's key row and
     * both groups): the Arrow IPC stream of the results, or FAILED_EXECUTE_UDF with the Python traceback.
     */
    byte[] call(byte[] command, int evalType, String sessionZone, byte[] resultSchema, List<byte[]> inputs, String function) {
        try {
            header(command, evalType, sessionZone, resultSchema);
            for (byte[] input : inputs) frame(input);
            in.flush();
            return answer(function).body();
        } catch (IOException e) {
            throw died(function, e);
        }
    }

    /** An answer of the worker: 0 done (the result), 2 a batch of a map function's output, 3 it asks for input. */
    record Answer(int status, byte[] body) {}

    /** Starts a map-iterator function (mapInPandas, mapInArrow) over one partition; then {@link #answer} and {@link #input}. */
    void startMap(byte[] command, int evalType, String sessionZone, byte[] resultSchema, String function) {
        try {
            header(command, evalType, sessionZone, resultSchema);
            in.flush();
        } catch (IOException e) {
            throw died(function, e);
        }
    }

    /** The next input batch a map function asked for (an Arrow IPC stream), or an empty array at the end of the partition. */
    void input(byte[] batch, String function) {
        try {
            frame(batch);
            in.flush();
        } catch (IOException e) {
            throw died(function, e);
        }
    }

    /** The worker's next answer; FAILED_EXECUTE_UDF (the worker is then ready for the next request) when the function raised. */
    Answer answer(String function) {
        try {
            int status = out.read();
            if (status < 0) throw died(function, null);
            byte[] body = new byte[out.readInt()];
            out.readFully(body);
            if (status == 1) {
                throw SluiceException.of(ErrorCode.FAILED_EXECUTE_UDF).with("function", function)
                        .with("reason", new String(body, StandardCharsets.UTF_8)).with("language", "python").build();
            }
            return new Answer(status, body);
        } catch (IOException e) {
            throw died(function, e);
        }
    }

    private void header(byte[] command, int evalType, String sessionZone, byte[] resultSchema) throws IOException {
        frame(command);
        frame(java.nio.ByteBuffer.allocate(4).putInt(evalType).array());
        frame(sessionZone.getBytes(StandardCharsets.UTF_8));
        frame(resultSchema);
    }

    boolean alive() { return process.isAlive(); }

    private SluiceException died(String function, IOException e) {
        String reason = "the process ended" + (process.isAlive() ? "" : " (exit code " + exitCode() + ")")
                + "; its standard error is in the server's log. Is pyspark-client installed for " + executable + "?";
        var b = SluiceException.of(ErrorCode.PYTHON_WORKER_FAILED).with("executable", executable).with("function", function)
                .with("reason", reason);
        if (e != null) b.cause(e);
        return b.build();
    }

    private int exitCode() {
        try {
            process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            return process.exitValue();
        } catch (InterruptedException | IllegalThreadStateException e) {
            return -1;
        }
    }

    private void frame(byte[] data) throws IOException {
        in.writeInt(data.length);
        in.write(data);
    }

    /** Ends the process: closing its stdin ends its loop; one that does not end promptly is killed. */
    @Override public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
