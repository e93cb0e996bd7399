/** Helpers of the audit that callers must not use: YAML positions, the file walk. */
package dev.outage.audit.internal;
