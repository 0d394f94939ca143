/** TLS on both sides of the proxy: verifying upstreams, and terminating intercepted CONNECT tunnels. */
package dev.twin.proxy.tls;
