/**
 * State transitions: action endpoints on a row ({@code POST /payment_intents/{id}/confirm}) inferred as custom
 * operations from what each call changed (before/after evidence), with the precondition the failed calls show.
 */
package dev.twin.inference.transition;
