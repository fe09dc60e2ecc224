/**
 * Columnar batches: flat vectors with validity bitmaps, constant and dictionary encodings, slices and
 * selections as views. Depends on {@code types} and {@code error} only.
 */
package dev.sluice.vector;
