package dev.sluice;

import java.util.Map;

/**
 * A database (Spark's schema or namespace) of the session catalog: {@code default}, whose directory is the
 * warehouse, and those made by {@code CREATE DATABASE}, whose directory is {@code <warehouse>/<name>.db} unless a
 * {@code LOCATION} says otherwise. Managed tables live in directories under it.
 */
public record CatalogDatabase(String name, String comment, String location, Map<String, String> properties) {
    public CatalogDatabase {
        properties = Map.copyOf(properties);
    }
}
