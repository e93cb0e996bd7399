/**
 * The subset of Go's text/template that Alertmanager's email settings use: {@link
 * dev.outage.alerting.notify.template.TemplateSet} parses definitions and field texts (rejecting
 * anything outside the subset with its position), {@link
 * dev.outage.alerting.notify.template.Template} renders them against {@link
 * dev.outage.alerting.notify.template.TemplateData}.
 */
package dev.outage.alerting.notify.template;
