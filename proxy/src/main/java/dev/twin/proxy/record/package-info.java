/**
 * Recording beside the relay: {@link dev.twin.proxy.record.RecordingHandler} watches the HTTP messages crossing the
 * client connection and hands each finished exchange to an {@link dev.twin.recorder.ExchangeSink};
 * {@link dev.twin.proxy.record.RecordingBackPressure} stops reading new requests while that sink is behind.
 */
package dev.twin.proxy.record;
