/**
 * The report as a document: {@link org.loyaltykpi.document.Document} holds {@link org.loyaltykpi.document.Section}s;
 * a section holds {@link org.loyaltykpi.document.KeyFigure}s, {@link org.loyaltykpi.document.Table}s of typed
 * {@link org.loyaltykpi.document.Cell}s and {@link org.loyaltykpi.document.Chart}s that draw columns of those tables.
 *
 * <p>Start with {@link org.loyaltykpi.document.Table#builder(String, Message)} and
 * {@link org.loyaltykpi.document.Section#builder(String, Message)}. Every label is a
 * {@link org.loyaltykpi.document.Message} (a bundle key and its arguments): {@link org.loyaltykpi.document.Messages}
 * resolves it for a locale and formats cells for people. Ids (of sections, tables, columns, figures and charts) are
 * stable camelCase names that scripts and tests may rely on.
 *
 * <p>Every type here is immutable and thread-safe.
 */
package org.loyaltykpi.document;
