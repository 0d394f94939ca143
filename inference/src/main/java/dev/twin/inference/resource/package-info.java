/**
 * Tables: collection and item paths, id field and shape, references, and the response conventions per table and
 * for errors.
 */
package dev.twin.inference.resource;
