package dev.outage.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What was last notified for each group and integration, with Alertmanager's dedup rule. */
final class NotificationLog {

    /** One notification: the fingerprints that were firing and resolved, and when. */
    record Entry(Set<Long> firing, Set<Long> resolved, Instant timestamp) {
        Entry {
            firing = Set.copyOf(firing);
            resolved = Set.copyOf(resolved);
        }
    }

    private final Map<String, Entry> entries;

    NotificationLog(Map<String, Entry> entries) {
        this.entries = new HashMap<>(entries);
    }

    Entry get(String key) {
        return entries.get(key);
    }

    void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /**
     * Returns whether a notification is needed, as Alertmanager's dedup stage decides: new firing
     * alerts, everything resolved after something fired, newly resolved alerts when they are sent,
     * or the repeat interval passed.
     */
    static boolean needsUpdate(
            Entry entry, Set<Long> firing, Set<Long> resolved, boolean sendResolved, Duration repeat, Instant now) {
        if (entry == null) {
            return !firing.isEmpty();
        }
        if (!entry.firing().containsAll(firing)) {
            return true;
        }
        if (firing.isEmpty()) {
            return !entry.firing().isEmpty();
        }
        if (sendResolved && !entry.resolved().containsAll(resolved)) {
            return true;
        }
        return entry.timestamp().isBefore(now.minus(repeat));
    }
}
