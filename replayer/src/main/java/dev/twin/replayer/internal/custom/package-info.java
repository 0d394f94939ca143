/**
 * Custom operations (confirm, capture, refund ...): steps over several tables whose JEXL expressions were parsed
 * when twin.yaml loaded, run inside the caller's transaction so that a failing step leaves nothing behind.
 */
package dev.twin.replayer.internal.custom;
