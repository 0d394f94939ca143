/**
 * The inspector page ({@code /__twin/ui}): plain ES modules and a style sheet served from the jar, and the admin
 * routes only the page needs. {@link dev.twin.inspector.Inspector} adds it to a running twin;
 * {@link dev.twin.inspector.recording.RecordingInspector} to {@code twin record}.
 */
package dev.twin.inspector;
