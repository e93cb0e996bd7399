/** Helpers of the Maven goals that callers must not use. */
package dev.outage.maven.internal;
