/**
 * The memory budget of blocking operators: a pool and per-operator reservations. Depends only on
 * {@code error}.
 */
package dev.sluice.memory;
