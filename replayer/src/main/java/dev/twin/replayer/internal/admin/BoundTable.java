package dev.twin.replayer.internal.admin;

/**
 * What the journal says of the binding that answered from a table: its table, action ({@code create}, …), the
 * operation it binds ({@code mock}) and whether {@code stateful: auto} derived it. The admin package's own type, so
 * admin depends on no configuration type.
 */
public record BoundTable(String table, String action, String mock, boolean derived) {
}
