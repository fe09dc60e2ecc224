/** The registry's scalar functions, one class per family (math, strings, dates, collections, hashing...). */
package dev.sluice.expr.fn;
