/**
 * The ORC format on Apache ORC's Java library (the version Spark 4.1 uses), with Hadoop only as its two shaded
 * client jars: files are read and written through a Hadoop FileSystem over Sluice's {@code Storage}, so every
 * storage Sluice reads (local, object stores) serves ORC too.
 */
package dev.sluice.io.orc;
