package dev.outage.alerting.dispatch;

import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.DecodedAlerts;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's files in its state directory: a journal of received alerts (one JSON line
 * each, compacted now and then), the notification log and the silences (each rewritten
 * atomically on change). Not thread-safe: the dispatcher holds its lock while calling.
 */
final class StateStore implements AutoCloseable {

    private static final String ALERTS = "alerts.jsonl";
    private static final String LOG = "nflog.tsv";
    private static final String SILENCES = "silences.tsv";

    private final Path directory;
    private BufferedWriter journal;
    private long journalLines;

    private StateStore(Path directory) {
        this.directory = directory;
    }

    /** Returns a store without files: nothing survives a restart. */
    static StateStore none() {
        return new StateStore(null);
    }

    /** Opens (creating) the state directory. */
    static StateStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        StateStore store = new StateStore(directory);
        store.journal = Files.newBufferedWriter(
                directory.resolve(ALERTS),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return store;
    }

    boolean isPersistent() {
        return directory != null;
    }

    long journalLines() {
        return journalLines;
    }

    // ---- alerts ----

    void append(Alert alert) {
        if (journal == null) {
            return;
        }
        try {
            journal.write(new String(
                    AlertmanagerCodec.standard().encodeAlerts(List.of(alert), Dialect.CANONICAL),
                    StandardCharsets.UTF_8));
            journal.write('\n');
            journalLines++;
        } catch (IOException e) {
            throw new UncheckedIOException("appending to " + directory.resolve(ALERTS), e);
        }
    }

    /** Hands appended alerts to the operating system, so that a crash of this process keeps them. */
    void flush() {
        if (journal == null) {
            return;
        }
        try {
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + directory.resolve(ALERTS), e);
        }
    }

    List<Alert> loadAlerts() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        if (directory == null) {
            return alerts;
        }
        for (String line : readLines(ALERTS)) {
            if (line.isBlank()) {
                continue;
            }
            DecodedAlerts decoded = AlertmanagerCodec.standard().decodeAlerts(line.getBytes(StandardCharsets.UTF_8));
            alerts.addAll(decoded.alerts());
            journalLines++;
        }
        return alerts;
    }

    /** Replaces the journal by the given alerts. */
    void compact(Collection<Alert> alerts) {
        if (journal == null) {
            return;
        }
        try {
            journal.close();
            Path temporary = directory.resolve(ALERTS + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Alert alert : alerts) {
                    out.write(new String(
                            AlertmanagerCodec.standard().encodeAlerts(List.of(alert), Dialect.CANONICAL),
                            StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            Files.move(
                    temporary,
                    directory.resolve(ALERTS),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            journal = Files.newBufferedWriter(
                    directory.resolve(ALERTS),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            journalLines = alerts.size();
        } catch (IOException e) {
            throw new UncheckedIOException("compacting " + directory.resolve(ALERTS), e);
        }
    }

    // ---- notification log ----

    void saveLog(Map<String, NotificationLog.Entry> entries) {
        if (directory == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, NotificationLog.Entry> e : entries.entrySet()) {
            NotificationLog.Entry entry = e.getValue();
            out.append(escape(e.getKey()))
                    .append('\t')
                    .append(entry.timestamp().toEpochMilli())
                    .append('\t');
            appendFingerprints(out, entry.firing());
            out.append('\t');
            appendFingerprints(out, entry.resolved());
            out.append('\n');
        }
        writeAtomically(LOG, out.toString());
    }

    Map<String, NotificationLog.Entry> loadLog() throws IOException {
        Map<String, NotificationLog.Entry> entries = new HashMap<>();
        if (directory == null) {
            return entries;
        }
        for (String line : readLines(LOG)) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 4) {
                throw new IOException(directory.resolve(LOG) + ": malformed line: " + line);
            }
            entries.put(
                    unescape(parts[0]),
                    new NotificationLog.Entry(
                            fingerprints(parts[2]),
                            fingerprints(parts[3]),
                            Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        }
        return entries;
    }

    private static void appendFingerprints(StringBuilder out, Set<Long> fingerprints) {
        boolean first = true;
        for (long fingerprint : fingerprints) {
            out.append(first ? "" : ",").append(Long.toHexString(fingerprint));
            first = false;
        }
    }

    private static Set<Long> fingerprints(String text) {
        Set<Long> out = new HashSet<>();
        if (!text.isEmpty()) {
            for (String hex : text.split(",")) {
                out.add(Long.parseUnsignedLong(hex, 16));
            }
        }
        return out;
    }

    // ---- silences ----

    void saveSilences(Collection<Silence> silences) {
        if (directory == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (Silence s : silences) {
            out.append(escape(s.id()))
                    .append('\t')
                    .append(s.startsAt().toEpochMilli())
                    .append('\t')
                    .append(s.endsAt().toEpochMilli())
                    .append('\t')
                    .append(escape(s.createdBy()))
                    .append('\t')
                    .append(escape(s.comment()));
            for (Matcher m : s.matchers()) {
                out.append('\t')
                        .append(escape(m.name()))
                        .append('\t')
                        .append(m.type().name())
                        .append('\t')
                        .append(escape(m.value()));
            }
            out.append('\n');
        }
        writeAtomically(SILENCES, out.toString());
    }

    List<Silence> loadSilences() throws IOException {
        List<Silence> silences = new ArrayList<>();
        if (directory == null) {
            return silences;
        }
        for (String line : readLines(SILENCES)) {
            String[] p = line.split("\t", -1);
            if (p.length < 8 || (p.length - 5) % 3 != 0) {
                throw new IOException(directory.resolve(SILENCES) + ": malformed line: " + line);
            }
            List<Matcher> matchers = new ArrayList<>();
            for (int i = 5; i < p.length; i += 3) {
                matchers.add(Matcher.of(unescape(p[i]), MatcherType.valueOf(p[i + 1]), unescape(p[i + 2])));
            }
            silences.add(new Silence(
                    unescape(p[0]),
                    matchers,
                    Instant.ofEpochMilli(Long.parseLong(p[1])),
                    Instant.ofEpochMilli(Long.parseLong(p[2])),
                    unescape(p[3]),
                    unescape(p[4])));
        }
        return silences;
    }

    // ---- files ----

    private List<String> readLines(String name) throws IOException {
        try {
            return Files.readAllLines(directory.resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private void writeAtomically(String name, String content) {
        Path temporary = directory.resolve(name + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(
                    temporary,
                    directory.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + directory.resolve(name), e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }
}
