/**
 * Seed rows: following each table's rows through the recording, and scrubbing what is personal or secret.
 */
package dev.twin.inference.seed;
