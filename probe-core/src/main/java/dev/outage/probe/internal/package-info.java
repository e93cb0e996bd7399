/** Implementation details of probe-core; not for callers, may change without notice. */
package dev.outage.probe.internal;
