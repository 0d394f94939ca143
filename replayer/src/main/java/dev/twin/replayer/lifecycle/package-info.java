/**
 * Lifecycles ({@code lifecycles:} in twin.yaml): rows that change state as the twin's time passes — a message
 * {@code queued → sent → delivered}, a call {@code queued → ringing → in-progress → completed} — and the fields a
 * state sets when a row enters it. {@link dev.twin.replayer.lifecycle.LifecycleEngine} keeps each row's next
 * transition in {@link dev.twin.replayer.lifecycle.DueRows} and applies it as a transaction of its own, when the
 * system clock gets there or when {@code POST /__twin/clock} moves time past it
 * ({@link dev.twin.replayer.lifecycle.ClockAdminEndpoints}).
 */
package dev.twin.replayer.lifecycle;
