/** Plain declarations of probes, shaped like the {@code probes:} section of {@code outage.yml}, that build the probes they declare. */
package dev.outage.probe.spec;
