package dev.sluice.error;

/**
 * Levenshtein distance over code points: the "did you mean" suggestions of errors (columns, options) and Spark's
 * {@code levenshtein} function share it.
 */
public final class EditDistance {
    private EditDistance() {}

    public static int between(String a, String b) {
        int[] ca = a.codePoints().toArray();
        int[] cb = b.codePoints().toArray();
        int[] prev = new int[cb.length + 1];
        int[] cur = new int[cb.length + 1];
        for (int j = 0; j <= cb.length; j++) prev[j] = j;
        for (int i = 1; i <= ca.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= cb.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (ca[i - 1] == cb[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[cb.length];
    }
}
