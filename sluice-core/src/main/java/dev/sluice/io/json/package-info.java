/**
 * JSON Lines as a file format: the source (listing, byte-range splits, line parsing through the JSON codec),
 * schema inference, and the output format. Depends on {@code io}, {@code json}, {@code types}, {@code vector}.
 */
package dev.sluice.io.json;
