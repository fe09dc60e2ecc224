package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's memory, for the header of the comparison table (Linux /proc/meminfo). */
final class MachineInfo {
    private MachineInfo() {}

    /** Total memory in GiB, rounded; "?" where /proc/meminfo is not there. */
    static String memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.substring(9).trim().split("\\s+")[0]);
                    return Long.toString(Math.round(kb / (1024.0 * 1024.0)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return "?";
    }
}
