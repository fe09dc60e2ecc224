package dev.sluice.connect;

/**
 * Spark's {@code showString} text from Sluice's. Sluice's ends with the line end {@code show()} prints; Spark's
 * ends with the table's last line (or its footer line, "only showing top N rows") and the client adds the line end.
 */
final class ShowStrings {
    private ShowStrings() {}

    static String spark(String sluice) {
        String text = sluice.endsWith("\n") ? sluice.substring(0, sluice.length() - 1) : sluice;
        return text.endsWith("\n") ? text : text + "\n";
    }
}
