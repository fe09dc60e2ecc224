package dev.sluice.bench;

/** A tiny program for {@link JvmArchiveTest}'s child JVMs: prints one line. */
public final class JvmArchiveProbe {
    private JvmArchiveProbe() {}

    public static void main(String[] args) {
        System.out.println("probe ran");
    }
}
