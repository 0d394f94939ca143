/** cli. */
package dev.twin.cli;
