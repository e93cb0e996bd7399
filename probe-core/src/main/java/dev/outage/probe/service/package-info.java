/** Service managers: crash-loop detection from systemd and launchd. */
package dev.outage.probe.service;
