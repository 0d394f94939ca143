/**
 * Where exchanges come from: a recording store, a HAR file, or a list (tests); each can be read several times.
 */
package dev.twin.inference.source;
