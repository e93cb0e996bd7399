package dev.outage.probe.spec;

import dev.outage.alerting.model.LabelSet;
import dev.outage.probe.Probe;
import dev.outage.probe.drift.VersionDriftProbe;
import dev.outage.probe.http.HttpHealthProbe;
import dev.outage.probe.http.JsonAssertion;
import dev.outage.probe.prometheus.AlertPathProbe;
import dev.outage.probe.python.VenvCheckProbe;
import dev.outage.probe.python.VenvImportProbe;
import dev.outage.probe.python.VenvInspector;
import dev.outage.probe.service.CrashLoopProbe;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One probe as declared in a configuration file: plain strings, numbers and lists that map one to
 * one onto YAML, validated when built, and turned into runnable probes by {@link #toProbes()}.
 *
 * <pre>{@code
 * # outage.yml
 * probes:
 *   venvs:   [{path: /srv/open-webui/venv, imports: [open_webui.main, greenlet], mode: both}]
 *   http:    [{url: "http://127.0.0.1:8080/health", expectStatus: 200, expectJson: ["/status=true"]}]
 *   drift:   [{running: "http://127.0.0.1:11434/api/version#/version", installed: /opt/homebrew/bin/ollama}]
 *   alertPath: {prometheus: "http://127.0.0.1:9090", alertmanagers: ["http://127.0.0.1:9093"]}
 *   crashLoops: [{manager: systemd, service: open-webui.service}]
 * }</pre>
 *
 * <p>Each record's compact constructor throws {@link IllegalArgumentException} naming the field
 * ({@code url}, {@code imports[1]}...) when a value is malformed, so a configuration reader can
 * report it with its location. Null timeouts mean the probe's default.
 */
public sealed interface ProbeSpec {

    /** Returns the probes this declaration stands for, ready to run. */
    List<Probe> toProbes();

    /**
     * A venv: its integrity (like {@code pip check}, plus RECORD files) and, when modules are
     * named, an import probe.
     *
     * @param path the venv directory
     * @param imports dotted module names to import; empty for the integrity check only
     * @param mode {@code isolated}, {@code service} or {@code both}; null for {@code isolated}
     * @param checkIntegrity whether to run the static check as well
     * @param serviceEnvironment the service's environment for {@code service}/{@code both}, or null
     *     to inherit
     * @param timeout the import timeout, or null for 60 s
     */
    record Venv(
            Path path,
            List<String> imports,
            String mode,
            boolean checkIntegrity,
            Map<String, String> serviceEnvironment,
            Duration timeout)
            implements ProbeSpec {

        /** Validates module names and mode; copies the collections. */
        public Venv {
            Objects.requireNonNull(path, "path");
            imports = List.copyOf(imports == null ? List.of() : imports);
            for (int i = 0; i < imports.size(); i++) {
                if (!VenvImportProbe.isModuleName(imports.get(i))) {
                    throw new IllegalArgumentException(
                            "imports[" + i + "]: not a dotted module name: '" + imports.get(i) + "'");
                }
            }
            modeOf(mode);
            serviceEnvironment = serviceEnvironment == null ? null : Map.copyOf(serviceEnvironment);
        }

        /** Returns a declaration of an isolated import probe plus the integrity check. */
        public static Venv of(Path path, List<String> imports) {
            return new Venv(path, imports, null, true, null, null);
        }

        private static VenvImportProbe.Mode modeOf(String mode) {
            if (mode == null) {
                return VenvImportProbe.Mode.ISOLATED;
            }
            return switch (mode) {
                case "isolated" -> VenvImportProbe.Mode.ISOLATED;
                case "service" -> VenvImportProbe.Mode.SERVICE;
                case "both" -> VenvImportProbe.Mode.BOTH;
                default ->
                    throw new IllegalArgumentException("mode: expected isolated, service or both, got '" + mode + "'");
            };
        }

        @Override
        public List<Probe> toProbes() {
            List<Probe> probes = new ArrayList<>();
            if (!imports.isEmpty()) {
                VenvImportProbe.Builder b = VenvImportProbe.builder(path, imports)
                        .mode(modeOf(mode))
                        .serviceEnvironment(serviceEnvironment);
                if (timeout != null) {
                    b.timeout(timeout);
                }
                probes.add(b.build());
            }
            if (checkIntegrity) {
                probes.add(new VenvCheckProbe(VenvInspector.forVenv(path)));
            }
            return probes;
        }
    }

    /**
     * An HTTP health check.
     *
     * @param url the absolute http(s) URL
     * @param expectStatus the exact status required, or null for any 2xx
     * @param expectJson assertions {@code POINTER=VALUE}, possibly empty
     * @param timeout the deadline, or null for 10 s
     */
    record Http(String url, Integer expectStatus, List<String> expectJson, Duration timeout) implements ProbeSpec {

        /** Validates the URL, status and assertions; copies the list. */
        public Http {
            expectJson = List.copyOf(expectJson == null ? List.of() : expectJson);
            toProbe(url, expectStatus, expectJson, timeout);
        }

        /** Returns a declaration expecting any 2xx status. */
        public static Http of(String url) {
            return new Http(url, null, List.of(), null);
        }

        private static HttpHealthProbe toProbe(String url, Integer status, List<String> json, Duration timeout) {
            HttpHealthProbe.Builder b = HttpHealthProbe.builder(uri("url", url));
            if (status != null) {
                b.expectStatus(status);
            }
            for (int i = 0; i < json.size(); i++) {
                try {
                    b.expectJson(JsonAssertion.parse(json.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("expectJson[" + i + "]: " + e.getMessage(), e);
                }
            }
            if (timeout != null) {
                b.timeout(timeout);
            }
            return b.build();
        }

        @Override
        public List<Probe> toProbes() {
            return List.of(toProbe(url, expectStatus, expectJson, timeout));
        }
    }

    /**
     * A running-against-installed version comparison.
     *
     * @param running {@code URL#POINTER}, e.g. {@code http://127.0.0.1:11434/api/version#/version}
     * @param installed a path whose symlinks lead to a versioned directory, or a command line
     * @param installedRegex a regex whose group 1 is the installed version, or null
     * @param timeout the deadline, or null for 10 s
     */
    record Drift(String running, String installed, String installedRegex, Duration timeout) implements ProbeSpec {

        /** Validates the URL, pointer, source and regex. */
        public Drift {
            Objects.requireNonNull(running, "running");
            Objects.requireNonNull(installed, "installed");
            builder(running, installed, installedRegex);
        }

        private static VersionDriftProbe.Builder builder(String running, String installed, String regex) {
            try {
                return VersionDriftProbe.parse(running, installed, regex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("running/installed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<Probe> toProbes() {
            VersionDriftProbe.Builder b = builder(running, installed, installedRegex);
            if (timeout != null) {
                b.timeout(timeout);
            }
            return List.of(b.build());
        }
    }

    /**
     * The alert path from Prometheus through Alertmanager to a notifier.
     *
     * @param prometheus Prometheus's base URL, or null
     * @param alertmanagers Alertmanager base URLs; empty to check the ones Prometheus uses
     * @param smoke whether to send a test alert and wait for its notification
     * @param timeout the deadline, or null for 30 s
     */
    record AlertPath(String prometheus, List<String> alertmanagers, boolean smoke, Duration timeout)
            implements ProbeSpec {

        /** Validates the URLs; copies the list. */
        public AlertPath {
            alertmanagers = List.copyOf(alertmanagers == null ? List.of() : alertmanagers);
            if (prometheus == null && alertmanagers.isEmpty()) {
                throw new IllegalArgumentException("prometheus: needed when no alertmanagers are given");
            }
            toProbe(prometheus, alertmanagers, smoke, timeout);
        }

        private static AlertPathProbe toProbe(
                String prometheus, List<String> alertmanagers, boolean smoke, Duration timeout) {
            AlertPathProbe.Builder b = AlertPathProbe.builder();
            if (prometheus != null) {
                b.prometheus(uri("prometheus", prometheus));
            }
            for (int i = 0; i < alertmanagers.size(); i++) {
                b.alertmanager(uri("alertmanagers[" + i + "]", alertmanagers.get(i)));
            }
            if (smoke) {
                b.smokeTest(LabelSet.of("severity", "none"));
            }
            if (timeout != null) {
                b.timeout(timeout);
            }
            return b.build();
        }

        @Override
        public List<Probe> toProbes() {
            return List.of(toProbe(prometheus, alertmanagers, smoke, timeout));
        }
    }

    /**
     * A crash-loop check of a systemd unit or launchd service.
     *
     * @param manager {@code systemd}, {@code systemd-user} or {@code launchd}
     * @param service the unit name, or the launchd target such as {@code gui/501/org.openwebui}
     * @param maxRestarts restarts tolerated within the window, or null for 3
     * @param window the window, or null for 10 minutes
     */
    record CrashLoop(String manager, String service, Integer maxRestarts, Duration window) implements ProbeSpec {

        /** Validates the manager and service name. */
        public CrashLoop {
            Objects.requireNonNull(manager, "manager");
            builder(manager, service);
        }

        private static CrashLoopProbe.Builder builder(String manager, String service) {
            return switch (manager) {
                case "systemd" -> CrashLoopProbe.systemd(service, false);
                case "systemd-user" -> CrashLoopProbe.systemd(service, true);
                case "launchd" -> CrashLoopProbe.launchd(service);
                default ->
                    throw new IllegalArgumentException(
                            "manager: expected systemd, systemd-user or launchd, got '" + manager + "'");
            };
        }

        @Override
        public List<Probe> toProbes() {
            CrashLoopProbe.Builder b = builder(manager, service);
            if (maxRestarts != null) {
                b.maxRestarts(maxRestarts);
            }
            if (window != null) {
                b.window(window);
            }
            return List.of(b.build());
        }
    }

    private static URI uri(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException(field + ": not an absolute URL: '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": not a URL: " + e.getMessage(), e);
        }
    }
}
