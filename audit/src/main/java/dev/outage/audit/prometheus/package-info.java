/** Checks of Prometheus configuration: where its alerts go. */
package dev.outage.audit.prometheus;
