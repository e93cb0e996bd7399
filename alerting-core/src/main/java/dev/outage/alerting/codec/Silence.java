package dev.outage.alerting.codec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A silence as {@code GET /api/v2/silences} returns it.
 *
 * @param id the silence's id
 * @param matchers its matchers
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param createdBy who created it
 * @param comment why
 * @param state active, pending or expired
 * @param updatedAt when it was last changed
 */
public record Silence(
        String id,
        List<SilenceMatcher> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        SilenceState state,
        Instant updatedAt) {

    /** Checks and copies the fields. */
    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
