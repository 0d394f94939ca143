/**
 * What the request journal keeps beyond a line per request, while someone looks (an inspector page is connected,
 * or {@code --journal-detail}): the request and response, which sandbox control answered, the validation
 * messages, the rows the request changed and the events it emitted. The parts of the twin that know these report
 * them to the {@link dev.twin.replayer.internal.journal.RequestCapture} of the request being answered; while no capture is
 * open that costs one volatile read.
 */
package dev.twin.replayer.internal.journal;
