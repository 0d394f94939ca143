package dev.twin.replayer.internal.spec;

/** A slice of a spec document's JSON bytes holding one value (an operation, a schema, ...). */
public record ByteRange(int offset, int length) {
}
