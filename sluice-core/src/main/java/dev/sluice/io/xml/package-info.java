/**
 * The XML file format: records found by their {@code rowTag} element in the bytes of each file, parsed by the
 * shared codec in {@code dev.sluice.xml}, and rows written under a root element.
 */
package dev.sluice.io.xml;
