/**
 * The outage Maven goals: {@code outage:audit} ({@link dev.outage.maven.AuditMojo}) and
 * {@code outage:send} ({@link dev.outage.maven.SendMojo}).
 */
package dev.outage.maven;
