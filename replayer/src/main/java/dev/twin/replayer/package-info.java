/** replayer. */
package dev.twin.replayer;
