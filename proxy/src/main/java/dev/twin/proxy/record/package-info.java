/**
 * Recording beside the relay: {@link dev.twin.proxy.record.RecordingHandler} watches the HTTP messages crossing the
 * client connection and hands each finished exchange to an {@link dev.twin.recorder.ExchangeSink}.
 */
package dev.twin.proxy.record;
