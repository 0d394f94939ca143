/**
 * What lets a later launch skip work an earlier one did: an on-disk cache under the twin home, keyed by content
 * hashes and the build of twin that wrote the entries. Entries that are stale, corrupt or unreadable are ignored
 * and rebuilt; writes happen on a background thread. It knows nothing of what it holds (a spec's index, twin.yaml's
 * tree, plain answers): the packages that own those read and write their own entries through it.
 */
package dev.twin.replayer.internal.startup;
