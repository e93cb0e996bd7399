/**
 * The values Alertmanager speaks of: {@link dev.outage.alerting.model.Alert} and
 * {@link dev.outage.alerting.model.LabelSet}, with Alertmanager's fingerprint.
 */
package dev.outage.alerting.model;
