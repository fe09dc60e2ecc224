package dev.sluice.commit;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of the crash tests: writes {@code rows} rows tagged {@code tag} to {@code target} with a save
 * mode, in many small files (so the commit has many steps to be killed in), then prints DONE.
 * Usage: {@code WriterProcess <target> <mode> <tag> <rows>}.
 */
public final class WriterProcess {
    static final StructType SCHEMA = DdlParser.parseSchema("tag STRING, n INT");
    static final int ROWS_PER_FILE = 500;

    private WriterProcess() {}

    public static void main(String[] args) throws IOException {
        String target = args[0];
        String mode = args[1];
        String tag = args[2];
        int rows = Integer.parseInt(args[3]);
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            List<Row> data = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) data.add(new Row(SCHEMA, new Object[] {tag, i}));
            DataFrame df = sluice.createDataFrame(data, SCHEMA);
            System.out.println("WRITING");
            System.out.flush();
            df.write().mode(mode).option("maxRecordsPerFile", ROWS_PER_FILE).json(Path.of(target).toString());
        }
        System.out.println("DONE");
        System.out.flush();
    }

    /** Starts this class in a new JVM with the test's classpath. */
    static Process start(Path target, String mode, String tag, int rows) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                WriterProcess.class.getName(), target.toString(), mode, tag, String.valueOf(rows));
        pb.redirectErrorStream(true);
        return pb.start();
    }
}
