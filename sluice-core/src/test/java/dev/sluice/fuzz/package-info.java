/**
 * Coverage-guided fuzz tests (Jazzer) of everything that reads untrusted bytes: the JSON, CSV and text readers,
 * from_json, the decompressors and the DDL parser. In a normal {@code mvn test} each runs in regression mode over
 * its committed seeds ({@code src/test/resources/dev/sluice/fuzz/<Class>Inputs/<method>/}); see docs/design.md
 * for the longer fuzzing run. Every finding becomes a seed there (and a named regression test).
 */
package dev.sluice.fuzz;
