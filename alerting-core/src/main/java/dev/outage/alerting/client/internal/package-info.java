/** Helpers of the client; not part of the API and may change without notice. */
package dev.outage.alerting.client.internal;
