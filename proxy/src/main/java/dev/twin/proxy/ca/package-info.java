/**
 * twin's own certificate authority: generated once per install under {@code <twin home>/ca/}, it signs the per-host
 * leaf certificates the forward proxy presents when it intercepts HTTPS.
 */
package dev.twin.proxy.ca;
