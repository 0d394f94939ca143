/**
 * Writers of openapi.yaml, twin.yaml, the seed files and inference-report.md, in a stable order.
 */
package dev.twin.inference.output;
