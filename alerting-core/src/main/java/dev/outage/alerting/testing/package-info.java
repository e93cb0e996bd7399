/**
 * Test fixtures for code that talks to Alertmanager: {@link
 * dev.outage.alerting.testing.AlertmanagerProcess} runs the real binary on a loopback port.
 */
package dev.outage.alerting.testing;
