package dev.outage.audit.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link Report} in one format.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(dir.resolve(ReportFormat.SARIF.fileName()))) {
 *     ReportFormat.SARIF.writer().write(report, out);
 * }
 * }</pre>
 *
 * <p>Writers are stateless and thread-safe; they do not close {@code out}.
 */
public interface ReportWriter {

    /**
     * Writes {@code report} to {@code out}.
     *
     * @throws IOException if writing to {@code out} fails
     */
    void write(Report report, Writer out) throws IOException;
}
