/** Turns the results of live probes declared in {@code outage.yml} into findings. */
package dev.outage.audit.probes;
