/**
 * Moving messages between a client connection and its upstream connection: an HTTP relay per client connection
 * (with its upstream response handler), a raw byte relay for tunnels and WebSocket, and the error responses twin
 * sends when the upstream fails. Both sides read only after the previous write was flushed (back-pressure).
 */
package dev.twin.proxy.relay;
