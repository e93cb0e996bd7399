/**
 * Alertmanager's routing: the {@link dev.outage.alerting.route.RouteTree} that maps an alert's
 * labels to routes and receivers, and the {@link dev.outage.alerting.route.Inhibitor}.
 */
package dev.outage.alerting.route;
