/** Example Glue jobs written against dev.sluice.glue, runnable with {@code ./sluice run --class ...}. */
package dev.sluice.glue.examples;
