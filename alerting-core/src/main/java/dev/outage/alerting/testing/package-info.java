/**
 * Test fixtures for code that talks to Alertmanager: {@link
 * dev.outage.alerting.testing.AlertmanagerProcess} runs the real binary on a loopback port,
 * {@link dev.outage.alerting.testing.FakeAlertmanager} is an in-process stand-in that records
 * requests and injects faults, and {@link dev.outage.alerting.testing.AlertmanagerExtension}
 * gives either to JUnit 5 tests.
 */
package dev.outage.alerting.testing;
