/**
 * Realistic, deterministic JSON bodies generated from OpenAPI 3.0/3.1 schemas: {@link
 * dev.twin.replayer.internal.generate.BodyGenerator} is the entry point; the rest are its parts (reference and allOf
 * resolution, scalar generators honouring formats and bounds, name-based fake values from datafaker, Stripe-shaped
 * ids).
 */
package dev.twin.replayer.internal.generate;
