/** A restart gate that runs a restart command only when every probe passes. */
package dev.outage.probe.gate;
