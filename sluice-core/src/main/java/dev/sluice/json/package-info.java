/**
 * The JSON codec shared by from_json/to_json and the JSON Lines reader and writer: Jackson tokens to
 * vectors of a schema with Spark's conversion rules, and vectors to JSON text. Depends on {@code types},
 * {@code vector}, {@code error} and Jackson core; knows nothing of plans or files.
 */
package dev.sluice.json;
