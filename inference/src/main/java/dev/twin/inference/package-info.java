/** inference. */
package dev.twin.inference;
