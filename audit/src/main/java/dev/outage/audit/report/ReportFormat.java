package dev.outage.audit.report;

import java.util.Locale;

/** The formats a report can be written in, with their writers and file names. */
public enum ReportFormat {
    /** {@code file:line:column: severity: message [ruleId]} lines with indented hints. */
    TEXT("txt"),
    /** One JSON object: tool, findings, summary. */
    JSON("json"),
    /** SARIF 2.1.0, as GitHub code scanning reads it. */
    SARIF("sarif"),
    /** One self-contained HTML page. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** Returns the name users write: {@code text}, {@code json}, {@code sarif} or {@code html}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the file name a report of this format gets in an output directory, e.g. {@code outage.sarif}. */
    public String fileName() {
        return "outage." + extension;
    }

    /** Returns a writer for this format. */
    public ReportWriter writer() {
        return switch (this) {
            case TEXT -> new TextReportWriter();
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }

    /**
     * Returns the format with the given name, ignoring case.
     *
     * @throws IllegalArgumentException if the name is none of text, json, sarif, html
     */
    public static ReportFormat parse(String name) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "': expected text, json, sarif or html");
    }
}
