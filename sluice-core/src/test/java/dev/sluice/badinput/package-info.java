/**
 * Bad input as a new user meets it: damaged compressed files, misspelt options, headers that do not match,
 * multiLine JSON, skipped files, empty or nested directories, limits. Each test names the case it fixed.
 */
package dev.sluice.badinput;
