/** The SMTP conversation and TLS set-up behind the email notifier; not part of the API. */
package dev.outage.alerting.notify.internal;
