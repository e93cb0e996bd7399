/** HTTP health checks with status and JSON pointer assertions. */
package dev.outage.probe.http;
