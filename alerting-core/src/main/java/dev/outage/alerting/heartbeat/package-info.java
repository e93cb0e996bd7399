/**
 * Making a broken alerting path impossible to miss: {@link dev.outage.alerting.heartbeat.Heartbeat}
 * keeps a Watchdog alert firing in Alertmanager, {@link dev.outage.alerting.heartbeat.DeadMansSwitch}
 * emails when the heartbeat that should come out of Alertmanager stops.
 */
package dev.outage.alerting.heartbeat;
