/** proxy. */
package dev.twin.proxy;
