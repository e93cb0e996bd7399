/**
 * Email notifications as Alertmanager sends them: {@link dev.outage.alerting.notify.EmailNotifier}
 * renders an {@code email_configs} entry and delivers it over SMTP, returning a
 * {@link dev.outage.alerting.notify.DeliveryResult} that says where a failure happened
 * ({@link dev.outage.alerting.notify.FailureKind}) and whether a retry can help.
 */
package dev.outage.alerting.notify;
