/**
 * Renderers of a {@link org.loyaltykpi.document.Document}: {@link org.loyaltykpi.document.render.TextRenderer}
 * (aligned tables for a terminal), {@link org.loyaltykpi.document.render.JsonRenderer} (stable field names, rates as
 * fractions, undefined as {@code null}, enums lower-kebab) and {@link org.loyaltykpi.document.render.CsvRenderer} (any
 * table). Each reads the document only, so the outputs cannot disagree.
 */
package org.loyaltykpi.document.render;
