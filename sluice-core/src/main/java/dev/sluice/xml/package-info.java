/**
 * The XML codec shared by from_xml/schema_of_xml/to_xml and the XML file reader and writer: records parsed with
 * the JDK's StAX parser (DTDs and external entities refused) into a small element tree, converted to values of a
 * schema or to an inferred schema with Spark's rules, and rows written back as XML. Depends on {@code types},
 * {@code vector}, {@code json} (date and timestamp text) and {@code error}; knows nothing of plans or files.
 */
package dev.sluice.xml;
