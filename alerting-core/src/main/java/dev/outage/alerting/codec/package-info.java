/**
 * The JSON of Alertmanager's API v2: {@link dev.outage.alerting.codec.AlertmanagerCodec} reads and
 * writes postable and gettable alerts, alert groups, silences and status, and validates alerts
 * with Alertmanager's rules.
 */
package dev.outage.alerting.codec;
