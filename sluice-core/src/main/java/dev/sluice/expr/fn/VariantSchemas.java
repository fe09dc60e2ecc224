package dev.sluice.expr.fn;

/** The schema text of a variant value and the merge of two, for schema_of_variant_agg (dev.sluice.expr.agg). */
public final class VariantSchemas {
    private VariantSchemas() {}

    /** Spark's schema_of_variant of a variant's canonical text. */
    public static String of(String variant) { return VariantJson.schema(VariantJson.parse(variant)); }

    /** The common schema of two schema texts. */
    public static String merge(String a, String b) { return VariantJson.merge(a, b); }
}
