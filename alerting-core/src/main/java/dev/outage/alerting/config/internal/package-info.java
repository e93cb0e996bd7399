/** YAML reading and decoding behind the config package; not for use by callers. */
package dev.outage.alerting.config.internal;
