package dev.outage.probe.drift;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.HttpFetcher;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the version a service reports while running with the version installed on disk: a
 * service that was upgraded but never restarted still runs the old binary.
 *
 * <pre>{@code
 * ProbeResult result = VersionDriftProbe.builder(
 *                 URI.create("http://127.0.0.1:11434/api/version"), "/version",
 *                 new InstalledVersionSource.FromPath(Path.of("/opt/homebrew/bin/ollama"), null))
 *         .build()
 *         .probe();
 * // FAILED: running 0.20.4, installed 0.21.2: the running version is older (minor differs)
 * }</pre>
 */
public final class VersionDriftProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI running;
    private final String pointer;
    private final InstalledVersionSource installed;
    private final Duration timeout;
    private final CommandRunner runner;

    private VersionDriftProbe(Builder b) {
        this.running = b.running;
        this.pointer = b.pointer;
        this.installed = b.installed;
        this.timeout = b.timeout;
        this.runner = b.runner;
    }

    /**
     * Returns a builder comparing the value at the JSON pointer of the URL's reply with the
     * installed version.
     *
     * @throws IllegalArgumentException when the URL is not absolute http(s) or the pointer is bad
     */
    public static Builder builder(URI running, String pointer, InstalledVersionSource installed) {
        return new Builder(running, pointer, installed);
    }

    /**
     * Returns a builder from command-line style arguments: {@code URL#POINTER} (e.g. {@code
     * http://127.0.0.1:11434/api/version#/version}), an installed path or command, and an optional
     * regex.
     *
     * @throws IllegalArgumentException naming the argument that is malformed
     */
    public static Builder parse(String runningUrlWithPointer, String installed, String installedRegex) {
        int hash = runningUrlWithPointer.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException(
                    "running version must be URL#POINTER, got '" + runningUrlWithPointer + "'");
        }
        URI uri;
        try {
            uri = new URI(runningUrlWithPointer.substring(0, hash));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad running version URL: " + e.getMessage(), e);
        }
        return new Builder(
                uri,
                runningUrlWithPointer.substring(hash + 1),
                InstalledVersionSource.parse(installed, installedRegex));
    }

    @Override
    public String describe() {
        return "drift " + HttpFetcher.redact(running) + "#" + pointer;
    }

    @Override
    public ProbeResult probe() {
        String target = HttpFetcher.redact(running) + "#" + pointer;
        ResultBuilder result = new ResultBuilder("drift", target);
        String runningText;
        InstalledVersionSource.Found found;
        try {
            runningText = readRunning();
            found = installed.read(runner, timeout);
        } catch (TimeoutException e) {
            String cause = "no reply from " + HttpFetcher.redact(running) + " within " + timeout.toMillis() + " ms";
            result.problem(ProbeRules.VERSION_DRIFT, target, cause);
            return result.build(ProbeStatus.TIMED_OUT, cause);
        } catch (IOException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            result.problem(ProbeRules.VERSION_DRIFT, target, cause);
            return result.build(ProbeStatus.ERROR, "cannot read a version: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.build(ProbeStatus.ERROR, "interrupted");
        }
        result.fact("running", runningText).fact("installed", found.version()).fact("installed-from", found.from());
        compare(runningText, found.version(), target, result);
        return result.finish("running " + runningText + " is the installed version " + found.version());
    }

    private String readRunning() throws IOException, TimeoutException, InterruptedException {
        String where = HttpFetcher.redact(running);
        HttpFetcher.Reply reply = new HttpFetcher(timeout).get(running, timeout);
        if (reply.status() / 100 != 2) {
            throw new IOException(where + " answered HTTP " + reply.status());
        }
        JsonNode value;
        try {
            value = JSON.readTree(reply.body()).at(pointer);
        } catch (JacksonException e) {
            throw new IOException(where + " did not answer JSON: " + e.getOriginalMessage());
        }
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            throw new IOException(where + " has no version at " + pointer);
        }
        return value.asString();
    }

    private static void compare(String runningText, String installedText, String target, ResultBuilder result) {
        ReleaseVersion runningVersion;
        ReleaseVersion installedVersion;
        try {
            runningVersion = new ReleaseVersion(runningText);
            installedVersion = new ReleaseVersion(installedText);
        } catch (IllegalArgumentException e) {
            if (!runningText.strip().equals(installedText.strip())) {
                result.problem(
                        ProbeRules.VERSION_DRIFT,
                        target,
                        "running " + runningText + ", installed " + installedText
                                + " (not comparable as versions; the texts differ)");
            }
            return;
        }
        int c = runningVersion.compareTo(installedVersion);
        if (c == 0) {
            return;
        }
        String part = runningVersion.differingPart(installedVersion);
        result.fact("differs-in", part);
        String message = c < 0
                ? "running " + runningText + ", installed " + installedText + ": the running version is older (" + part
                        + " differs); restart the service to run what is installed"
                : "running " + runningText + ", installed " + installedText + ": the running version is newer (" + part
                        + " differs); the install was downgraded or another binary is running";
        result.problem(ProbeRules.VERSION_DRIFT, target, message);
    }

    /** Configures a {@link VersionDriftProbe}; not thread-safe. */
    public static final class Builder {
        private final URI running;
        private final String pointer;
        private final InstalledVersionSource installed;
        private Duration timeout = Duration.ofSeconds(10);
        private CommandRunner runner = CommandRunner.system();

        private Builder(URI running, String pointer, InstalledVersionSource installed) {
            this.running = Objects.requireNonNull(running, "running");
            this.pointer = Objects.requireNonNull(pointer, "pointer");
            this.installed = Objects.requireNonNull(installed, "installed");
            if (!running.isAbsolute()
                    || running.getHost() == null
                    || !("http".equals(running.getScheme()) || "https".equals(running.getScheme()))) {
                throw new IllegalArgumentException(
                        "not an absolute http(s) URL: '" + HttpFetcher.redact(running) + "'");
            }
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("JSON pointer must start with '/': '" + pointer + "'");
            }
            JsonPointer.compile(pointer);
        }

        /** Sets the deadline for each of the HTTP request and the command; default 10 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets the runner of an installed-version command; default {@link CommandRunner#system()}. */
        public Builder runner(CommandRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** Returns the probe. */
        public VersionDriftProbe build() {
            return new VersionDriftProbe(this);
        }
    }
}
