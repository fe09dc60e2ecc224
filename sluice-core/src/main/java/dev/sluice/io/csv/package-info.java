/**
 * CSV files with Spark's options and value rules: tokenizing ({@code CsvTokenizer}, univocity's rules as Spark 4.1
 * shows them), reading by byte ranges or whole files ({@code CsvSource}), schema inference ({@code CsvInference}),
 * writing ({@code CsvFormat}). Builds on {@code io} and {@code io.text} (lines in a character set), {@code vector},
 * {@code types} and {@code expr} (Spark's string casts and value text); knows nothing of plans or execution.
 */
package dev.sluice.io.csv;
