package dev.outage.probe.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 508 requirement, as in a {@code Requires-Dist} line: {@code name[extras] specifiers ;
 * marker} or {@code name[extras] @ url ; marker}.
 *
 * @param name the project name as written
 * @param extras the extras requested, possibly empty
 * @param specifier the version clauses; empty for a URL requirement or any version
 * @param url the direct reference after {@code @}, or null
 * @param marker the environment marker, or null when the requirement always applies
 */
public record Requirement(String name, List<String> extras, SpecifierSet specifier, String url, Marker marker) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern HEAD =
            Pattern.compile("\\s*(" + NAME.pattern() + ")\\s*(?:\\[([^\\]]*)\\])?\\s*(.*)", Pattern.DOTALL);

    /** Checks the name and copies the extras. */
    public Requirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specifier, "specifier");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a project name: '" + name + "'");
        }
        extras = List.copyOf(extras);
    }

    /**
     * Parses a requirement.
     *
     * @throws IllegalArgumentException naming the text and what is wrong in it
     */
    public static Requirement parse(String text) {
        Matcher m = HEAD.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("requirement does not start with a project name: '" + text + "'");
        }
        List<String> extras = parseExtras(m.group(2), text);
        String rest = m.group(3).strip();
        String url = null;
        String versionPart;
        String markerPart = null;
        if (rest.startsWith("@")) {
            int semi = rest.indexOf(" ;");
            url = (semi < 0 ? rest.substring(1) : rest.substring(1, semi)).strip();
            markerPart = semi < 0 ? null : rest.substring(semi + 2);
            versionPart = "";
        } else {
            int semi = rest.indexOf(';');
            versionPart = semi < 0 ? rest : rest.substring(0, semi);
            markerPart = semi < 0 ? null : rest.substring(semi + 1);
        }
        SpecifierSet specifier = parseVersions(versionPart.strip(), text);
        Marker marker = markerPart == null ? null : Marker.parse(markerPart.strip());
        return new Requirement(m.group(1), extras, specifier, url, marker);
    }

    private static List<String> parseExtras(String group, String text) {
        List<String> extras = new ArrayList<>();
        if (group != null && !group.isBlank()) {
            for (String extra : group.split(",")) {
                if (!NAME.matcher(extra.strip()).matches()) {
                    throw new IllegalArgumentException(
                            "bad extra '" + extra.strip() + "' in requirement '" + text + "'");
                }
                extras.add(extra.strip());
            }
        }
        return extras;
    }

    private static SpecifierSet parseVersions(String part, String text) {
        String clauses = part;
        if (clauses.startsWith("(")) {
            if (!clauses.endsWith(")")) {
                throw new IllegalArgumentException("unbalanced '(' in requirement '" + text + "'");
            }
            clauses = clauses.substring(1, clauses.length() - 1);
        }
        try {
            return SpecifierSet.parse(clauses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in requirement '" + text + "'", e);
        }
    }

    /** Returns the name normalised as PEP 503 says: lower case, runs of {@code -_.} as one {@code -}. */
    public String canonicalName() {
        return canonicalize(name);
    }

    /** Returns a project name normalised as PEP 503 says. */
    public static String canonicalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** Returns whether the requirement applies in the environment: it has no marker or the marker holds. */
    public boolean appliesIn(MarkerEnvironment environment) {
        return marker == null || marker.evaluate(environment);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        if (!extras.isEmpty()) {
            out.append('[')
                    .append(String.join(",", extras.stream().sorted().toList()))
                    .append(']');
        }
        if (url != null) {
            out.append(" @ ").append(url);
        }
        out.append(specifier);
        if (marker != null) {
            out.append(url != null ? " ; " : "; ").append(marker);
        }
        return out.toString();
    }
}
