/**
 * Lifecycles ({@code lifecycles:} in twin.yaml): rows that change state as the twin's time passes — a message
 * {@code queued → sent → delivered}, a call {@code queued → ringing → in-progress → completed} — and what entering a
 * state does. {@link dev.twin.replayer.internal.lifecycle.LifecycleEngine} keeps each row's next transition in
 * {@link dev.twin.replayer.internal.lifecycle.DueRows} and applies it as a transaction of its own, when the
 * {@link dev.twin.replayer.internal.lifecycle.DueTimer} rings on the system clock or when {@code POST /__twin/clock} moves time
 * past it ({@link dev.twin.replayer.internal.lifecycle.ClockAdminEndpoints}); {@link dev.twin.replayer.internal.lifecycle.StateEntries}
 * sets a state's fields in the transaction that enters it.
 */
package dev.twin.replayer.internal.lifecycle;
