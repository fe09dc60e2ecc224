/**
 * A small parser for Spark SQL-like expressions typed on the command line ({@code sluice cat --where/--select}):
 * text in, {@link dev.sluice.Column} out, built with the same public API a job uses. Depends on the API only.
 */
package dev.sluice.cli.expr;
