package dev.outage.alerting.codec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A silence to create (or, with an id, to update) with {@code POST /api/v2/silences}.
 *
 * @param id the id of a silence to replace, or null to create a new one
 * @param matchers at least one matcher
 * @param startsAt when the silence starts
 * @param endsAt when it ends; after {@code startsAt}
 * @param createdBy who creates it
 * @param comment why
 */
public record PostableSilence(
        String id, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    /**
     * Checks and copies the fields.
     *
     * @throws IllegalArgumentException if there is no matcher or the silence does not end
     *     after it starts
     */
    public PostableSilence {
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("silence must end after it starts: " + startsAt + " .. " + endsAt);
        }
    }
}
