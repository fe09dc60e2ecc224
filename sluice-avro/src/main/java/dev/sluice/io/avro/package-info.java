/**
 * Avro as a Sluice file format on Apache Avro (no Hadoop): object container files read record by record into
 * vectors (one split per file) and written with Spark's type mapping and codecs. Depends on sluice-core's
 * {@code io}, {@code types} and {@code vector}.
 */
package dev.sluice.io.avro;
