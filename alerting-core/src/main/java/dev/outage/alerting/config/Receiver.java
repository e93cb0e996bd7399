package dev.outage.alerting.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named receiver: where the alerts of a route are sent.
 *
 * @param name the unique name routes refer to
 * @param emailConfigs the email integrations, fully typed, with global defaults applied
 * @param otherIntegrations every other integration as written, by key (such as
 *     {@code webhook_configs}), each a list of raw maps of plain strings, lists and maps
 * @param position where the receiver is written
 */
public record Receiver(
        String name,
        List<EmailConfig> emailConfigs,
        Map<String, List<Map<String, Object>>> otherIntegrations,
        SourcePosition position) {

    /** Checks the parts and copies the lists. */
    public Receiver {
        Objects.requireNonNull(name, "name");
        emailConfigs = List.copyOf(emailConfigs);
        otherIntegrations = Map.copyOf(otherIntegrations);
        Objects.requireNonNull(position, "position");
    }

    /**
     * Returns whether the receiver has at least one integration; a receiver without any is
     * valid for Alertmanager but silently drops every alert routed to it.
     */
    public boolean hasIntegrations() {
        return !emailConfigs.isEmpty() || otherIntegrations.values().stream().anyMatch(list -> !list.isEmpty());
    }
}
