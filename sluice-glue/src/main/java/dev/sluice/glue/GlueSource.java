package dev.sluice.glue;

/** What GlueContext's getSource calls return (Glue's DataSource): a source whose frame is built lazily. */
public interface GlueSource {
    /** The source's records as a frame; building it reads nothing. */
    DynamicFrame getDynamicFrame();
}
