package dev.outage.alerting.dispatch;

import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.Matchers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A silence: alerts whose labels match all matchers are not notified between the start and
 * the end.
 *
 * @param id the identifier given by {@link Dispatcher#createSilence}
 * @param matchers the matchers, at least one
 * @param startsAt when the silence starts
 * @param endsAt when it ends, after the start
 * @param createdBy who created it, possibly empty
 * @param comment why, possibly empty
 */
public record Silence(
        String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    /** Checks the parts and copies the matchers. */
    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("silence must end after it starts: " + startsAt + " .. " + endsAt);
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }

    /** Returns whether the silence is active at the instant: started and not yet ended. */
    public boolean isActiveAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    /** Returns whether the silence is active at the instant and matches the labels. */
    public boolean mutes(LabelSet labels, Instant instant) {
        return isActiveAt(instant) && Matchers.matchAll(matchers, labels);
    }
}
