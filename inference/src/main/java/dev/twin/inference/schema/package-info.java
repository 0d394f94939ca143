/**
 * JSON shapes merged sample by sample (bounded), written as OpenAPI 3.0 schemas; reading JSON and form bodies.
 */
package dev.twin.inference.schema;
