package dev.outage.alerting.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code GET /api/v2/status} returns.
 *
 * @param clusterName this peer's name in the cluster, or the empty string
 * @param clusterStatus {@code ready}, {@code settling} or {@code disabled}
 * @param peers the cluster's peers (empty when clustering is disabled)
 * @param configOriginal the loaded alertmanager.yml as Alertmanager prints it (secrets shown as
 *     {@code <secret>})
 * @param uptime when the process started
 * @param versionInfo {@code version}, {@code revision}, {@code branch}, {@code buildUser},
 *     {@code buildDate}, {@code goVersion}
 */
public record AlertmanagerStatus(
        String clusterName,
        String clusterStatus,
        List<Peer> peers,
        String configOriginal,
        Instant uptime,
        Map<String, String> versionInfo) {

    /** Checks and copies the fields. */
    public AlertmanagerStatus {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(clusterStatus, "clusterStatus");
        peers = List.copyOf(peers);
        Objects.requireNonNull(configOriginal, "configOriginal");
        Objects.requireNonNull(uptime, "uptime");
        versionInfo = Map.copyOf(versionInfo);
    }

    /** Returns the version, such as {@code 0.25.0}, or the empty string when not reported. */
    public String version() {
        return versionInfo.getOrDefault("version", "");
    }

    /**
     * One peer of the cluster.
     *
     * @param name the peer's name
     * @param address its gossip address
     */
    public record Peer(String name, String address) {

        /** Checks the fields. */
        public Peer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }
}
