/**
 * What the server asks between routing and the spec, as a small interface every link implements: the tables and each
 * sandbox control. The server and the links depend on this package; it depends on neither. Internal to twin: not a
 * public API.
 */
package dev.twin.replayer.internal.pipeline;
