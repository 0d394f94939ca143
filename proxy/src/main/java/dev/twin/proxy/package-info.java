/**
 * The recording proxy: {@link dev.twin.proxy.ReverseProxyServer} (one fixed upstream) and
 * {@link dev.twin.proxy.ForwardProxyServer} (absolute-URI requests and CONNECT, with HTTPS interception). Both relay
 * HTTP/1.1 as it arrives and hand finished exchanges to an {@link dev.twin.recorder.ExchangeSink}.
 */
package dev.twin.proxy;
