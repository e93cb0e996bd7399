/** Live probes of a service stack: the {@link dev.outage.probe.Probe} contract, {@link dev.outage.probe.ProbeResult}, the stable rule ids and the command runner every probe uses. */
package dev.outage.probe;
