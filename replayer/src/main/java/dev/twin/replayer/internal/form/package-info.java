/**
 * Decoding {@code application/x-www-form-urlencoded} text (bodies and query strings) with bracket nesting
 * ({@code metadata[order]}, {@code expand[]}, {@code items[0][price]}) into JSON trees typed by a
 * {@link dev.twin.replayer.internal.form.FormShape} reduced from the schema once.
 */
package dev.twin.replayer.internal.form;
