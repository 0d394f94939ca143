/**
 * What was learnt about each method on each path template: statuses, bodies, parameters, echoed ids.
 */
package dev.twin.inference.operation;
