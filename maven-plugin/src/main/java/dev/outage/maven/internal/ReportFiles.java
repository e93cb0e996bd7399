package dev.outage.maven.internal;

import dev.outage.audit.report.Report;
import dev.outage.audit.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files atomically, so a reader never sees half a report. */
public final class ReportFiles {

    private ReportFiles() {}

    /**
     * Writes {@code report} as {@code directory/format.fileName()}, creating the directory.
     *
     * @throws IOException if the directory or file cannot be written
     */
    public static Path write(Report report, ReportFormat format, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(format.fileName());
        Path temporary = Files.createTempFile(directory, format.fileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                format.writer().write(report, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}
