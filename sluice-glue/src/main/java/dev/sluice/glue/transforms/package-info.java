/**
 * Glue's transform classes ({@code awsglue.transforms} / the Scala API's companions): static {@code apply}
 * methods that forward to the DynamicFrame methods, with Glue's argument orders and defaults
 * (Join takes frame1, frame2, keys1, keys2; SplitFields/SplitRows name their frames frame1/frame2 by default;
 * ApplyMapping matches case-insensitively like the Python class; Relationalize's root is "roottable").
 */
package dev.sluice.glue.transforms;
