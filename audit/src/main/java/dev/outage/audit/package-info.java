/**
 * The workspace audit: {@link dev.outage.audit.WorkspaceAudit} walks a configuration tree, runs
 * every rule and returns one report; {@link dev.outage.audit.WorkspaceConfig} reads
 * {@code outage.yml}.
 */
package dev.outage.audit;
