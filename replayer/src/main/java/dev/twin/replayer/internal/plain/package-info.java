/**
 * Answers to plain requests (no query, no body, no path parameters) that an earlier launch worked out and kept in
 * the start-up cache, so that a cached launch answers those without building validators or generating bodies.
 * Above the start-up cache and the spec responder: it reads both, neither reads it.
 */
package dev.twin.replayer.internal.plain;
