package dev.sluice.cli.testjobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** A plain main-class job for RunCommandTest: writes its arguments, joined by '|', to the file args[0]. */
public final class MainJob {
    private MainJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("fail")) throw new IllegalStateException("asked to fail");
        Files.writeString(Path.of(args[0]), String.join("|", args));
    }
}
