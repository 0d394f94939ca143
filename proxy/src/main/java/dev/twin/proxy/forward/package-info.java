/** Forward-proxy specifics: answering CONNECT by decrypting the tunnel or relaying its bytes untouched. */
package dev.twin.proxy.forward;
