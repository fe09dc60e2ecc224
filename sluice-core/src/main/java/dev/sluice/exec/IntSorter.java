package dev.sluice.exec;

/**
 * A stable merge sort of int arrays (row ids) with a comparator: rows with equal keys keep their order,
 * which makes sort results independent of how the work was split. No boxing.
 */
final class IntSorter {
    private static final int INSERTION_THRESHOLD = 24;

    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSorter() {}

    static void sort(int[] a, int from, int to, IntComparator c) {
        if (to - from < 2) return;
        // a short range is sorted by insertion alone and needs no buffer (PrefixSorter sorts many short ties)
        mergeSort(a, to - from <= INSERTION_THRESHOLD ? null : new int[to - from], from, to, c);
    }

    private static void mergeSort(int[] a, int[] buf, int from, int to, IntComparator c) {
        if (to - from <= INSERTION_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid, c);
        mergeSort(a, buf, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) return;   // already in order
        int n = mid - from;
        System.arraycopy(a, from, buf, 0, n);
        int i = 0, j = mid, k = from;
        while (i < n && j < to) a[k++] = c.compare(a[j], buf[i]) < 0 ? a[j++] : buf[i++];
        while (i < n) a[k++] = buf[i++];
    }
}
