/**
 * The DataFrame API: the {@link dev.sluice.Sluice} session, {@link dev.sluice.DataFrame}, {@link dev.sluice.Column},
 * {@link dev.sluice.functions}, readers and writers. Sits on top of every other package.
 */
package dev.sluice;
