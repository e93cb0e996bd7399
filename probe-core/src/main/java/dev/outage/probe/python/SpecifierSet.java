package dev.outage.probe.python;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A comma-separated set of PEP 440 version clauses, all of which must hold ({@code >=1,<2,!=1.5}).
 *
 * @param specifiers the clauses; empty admits every version
 */
public record SpecifierSet(List<VersionSpecifier> specifiers) {

    /** Copies the clauses. */
    public SpecifierSet {
        specifiers = List.copyOf(specifiers);
    }

    /** Returns the set that admits every version. */
    public static SpecifierSet any() {
        return new SpecifierSet(List.of());
    }

    /**
     * Parses clauses separated by commas; blank text is the empty set.
     *
     * @throws IllegalArgumentException naming the bad clause
     */
    public static SpecifierSet parse(String text) {
        List<VersionSpecifier> out = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",", -1)) {
                out.add(VersionSpecifier.parse(part));
            }
        }
        return new SpecifierSet(out);
    }

    /**
     * Returns whether the version satisfies every clause.
     *
     * @param prereleases true to admit pre-releases always (as {@code pip check} does), false never,
     *     null to admit them only when a clause names a pre-release (PEP 440's default)
     */
    public boolean contains(Pep440Version version, Boolean prereleases) {
        boolean allowPre =
                prereleases != null ? prereleases : specifiers.stream().anyMatch(VersionSpecifier::mentionsPrerelease);
        if (version.isPrerelease() && !allowPre) {
            return false;
        }
        return specifiers.stream().allMatch(s -> s.admits(version));
    }

    /** Returns whether the set is empty. */
    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** Returns the clauses sorted and joined by commas, as pip prints them. */
    @Override
    public String toString() {
        return String.join(
                ",",
                specifiers.stream()
                        .map(VersionSpecifier::toString)
                        .sorted(Comparator.naturalOrder())
                        .toList());
    }
}
