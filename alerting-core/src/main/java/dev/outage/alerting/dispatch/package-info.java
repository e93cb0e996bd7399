/**
 * An embedded replacement for Alertmanager's dispatcher: {@link dev.outage.alerting.dispatch.Dispatcher}
 * groups, inhibits, silences and deduplicates alerts and sends notifications through
 * {@link dev.outage.alerting.dispatch.Integration}s, reporting counts to a
 * {@link dev.outage.alerting.dispatch.DispatchListener}.
 */
package dev.outage.alerting.dispatch;
