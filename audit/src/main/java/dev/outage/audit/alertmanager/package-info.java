/** Checks of Alertmanager configuration files. */
package dev.outage.audit.alertmanager;
