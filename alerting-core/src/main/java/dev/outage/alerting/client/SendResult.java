package dev.outage.alerting.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of sending one batch of alerts to every peer of an Alertmanager cluster.
 *
 * @param alertCount how many alerts the batch held
 * @param outcomes one outcome per peer, in the order the peers were configured
 */
public record SendResult(int alertCount, List<PeerOutcome> outcomes) {

    /** Copies the outcomes. */
    public SendResult {
        outcomes = List.copyOf(outcomes);
        if (alertCount < 0) {
            throw new IllegalArgumentException("alert count must not be negative: " + alertCount);
        }
    }

    /**
     * Returns whether the batch reached Alertmanager: at least one peer accepted it (peers of a
     * cluster share alerts by gossip), or the batch was empty.
     */
    public boolean isSuccess() {
        return alertCount == 0 || outcomes.stream().anyMatch(PeerOutcome::isAccepted);
    }

    /** Returns the outcomes of peers that did not accept the batch. */
    public List<PeerOutcome> failures() {
        return outcomes.stream().filter(o -> !o.isAccepted()).toList();
    }

    /** Returns one line (or more, with diagnoses) per peer, for a person. */
    public String describe() {
        return outcomes.stream().map(PeerOutcome::describe).collect(Collectors.joining("\n"));
    }
}
