package dev.outage.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The live probes declared in {@code outage.yml} under {@code probes:}; run only with
 * {@code --live}.
 *
 * @param venvs Python venvs and the modules their services import
 * @param http HTTP health checks
 * @param drift running-versus-installed version pairs
 * @param prometheus Prometheus base URL for the alert-path probe, if any
 * @param alertmanager Alertmanager base URL for the alert-path probe, if any
 */
public record LiveProbes(
        List<Venv> venvs,
        List<Http> http,
        List<Drift> drift,
        Optional<String> prometheus,
        Optional<String> alertmanager) {

    /** Copies the lists. */
    public LiveProbes {
        venvs = List.copyOf(venvs);
        http = List.copyOf(http);
        drift = List.copyOf(drift);
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(alertmanager, "alertmanager");
    }

    /** Returns no probes. */
    public static LiveProbes none() {
        return new LiveProbes(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** Returns whether no probe is declared. */
    public boolean isEmpty() {
        return venvs.isEmpty() && http.isEmpty() && drift.isEmpty() && prometheus.isEmpty() && alertmanager.isEmpty();
    }

    /**
     * A venv to probe.
     *
     * @param path the venv directory, relative to the workspace root or absolute
     * @param imports modules that must import with the venv's interpreter
     */
    public record Venv(String path, List<String> imports) {
        /** Copies the imports. */
        public Venv {
            Objects.requireNonNull(path, "path");
            imports = List.copyOf(imports);
        }
    }

    /**
     * An HTTP health check.
     *
     * @param url the URL to GET
     * @param expectStatus the status that means healthy
     */
    public record Http(String url, int expectStatus) {
        /** Validates the URL. */
        public Http {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * A running-versus-installed version pair.
     *
     * @param running URL with a JSON pointer fragment, e.g. {@code http://127.0.0.1:11434/api/version#/version}
     * @param installed a path or command that reveals the installed version
     */
    public record Drift(String running, String installed) {
        /** Validates the pair. */
        public Drift {
            Objects.requireNonNull(running, "running");
            Objects.requireNonNull(installed, "installed");
        }
    }
}
