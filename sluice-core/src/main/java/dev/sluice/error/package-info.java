/**
 * The one exception type of Sluice and its stable error codes. Depends on nothing else in Sluice, so every
 * layer (types included) can raise coded errors.
 */
package dev.sluice.error;
