/** The alert path: Prometheus to Alertmanager to a notifier, and a Prometheus text-format parser. */
package dev.outage.probe.prometheus;
