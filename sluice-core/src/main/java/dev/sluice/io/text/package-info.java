/**
 * Plain text files (one {@code value} row per line, or per file with {@code wholetext}) and {@code TextLines}, the
 * lines of a split decoded from a character set, which the CSV reader builds on. Depends on {@code io},
 * {@code vector} and {@code types} only.
 */
package dev.sluice.io.text;
