/**
 * Sends alerts to an Alertmanager cluster and queries its API v2: {@link
 * dev.outage.alerting.client.AlertmanagerClient}.
 */
package dev.outage.alerting.client;
