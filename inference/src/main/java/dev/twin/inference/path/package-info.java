/**
 * Path templates: segment shapes, variables by shape and by evidence, parameter names, and the official spec as
 * the prior.
 */
package dev.twin.inference.path;
