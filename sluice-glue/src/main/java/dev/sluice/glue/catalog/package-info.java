/** A local stand-in for the AWS Glue Data Catalog: databases and tables described by JSON files in a directory. */
package dev.sluice.glue.catalog;
