/**
 * What lets a later launch skip work an earlier one did: an on-disk cache under the twin home holding the index
 * of each large spec and the answers to plain requests (no query, no body, no path parameters) of the operations
 * that were served, keyed by the spec's content hash and the build of twin that wrote them. Entries that are
 * stale, corrupt or unreadable are ignored and rebuilt; writes happen on a background thread.
 */
package dev.twin.replayer.startup;
