/**
 * Writes an audit {@link dev.outage.audit.report.Report} as text, JSON, SARIF 2.1.0 or HTML; see
 * {@link dev.outage.audit.report.ReportFormat}.
 */
package dev.outage.audit.report;
