package dev.outage.probe.drift;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as services print them ({@code 0.21.2}, {@code v1.2.3-rc1}, {@code
 * 0.21.2_1}), compared number by number.
 *
 * <p>The leading {@code v} is ignored. A Homebrew revision suffix ({@code _1}) is kept in the text
 * but ignored in comparisons, since it repackages the same release. A pre-release suffix ({@code
 * -rc1}, {@code -beta}) sorts before the release itself; two suffixes compare as text.
 *
 * @param text the version as read
 */
public record ReleaseVersion(String text) implements Comparable<ReleaseVersion> {

    private static final Pattern SYNTAX =
            Pattern.compile("v?(\\d+(?:\\.\\d+)*)(?:[-+.~]?([0-9A-Za-z][0-9A-Za-z.+~-]*?))?(?:_(\\d+))?");

    /** Checks that the text starts with a number. */
    public ReleaseVersion {
        Objects.requireNonNull(text, "text");
        if (!SYNTAX.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("not a release version: '" + text + "'");
        }
        text = text.strip();
    }

    /** Returns the numbers of the release, e.g. {@code [0, 21, 2]}. */
    public List<BigInteger> numbers() {
        List<BigInteger> out = new ArrayList<>();
        for (String part : matcher().group(1).split("\\.")) {
            out.add(new BigInteger(part));
        }
        return out;
    }

    /** Returns the suffix after the numbers without the Homebrew revision, or "" when none. */
    public String suffix() {
        String suffix = matcher().group(2);
        return suffix == null ? "" : suffix;
    }

    private Matcher matcher() {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException(text);
        }
        return m;
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        List<BigInteger> a = numbers();
        List<BigInteger> b = other.numbers();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        String x = suffix();
        String y = other.suffix();
        if (x.isEmpty() || y.isEmpty()) {
            return Boolean.compare(x.isEmpty(), y.isEmpty());
        }
        return x.compareTo(y);
    }

    /**
     * Returns which part differs first, as a word: {@code major}, {@code minor}, {@code patch},
     * {@code build} for a fourth or later number, {@code pre-release}, or {@code none}.
     */
    public String differingPart(ReleaseVersion other) {
        List<BigInteger> a = numbers();
        List<BigInteger> b = other.numbers();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (!(i < a.size() ? a.get(i) : BigInteger.ZERO).equals(i < b.size() ? b.get(i) : BigInteger.ZERO)) {
                return switch (i) {
                    case 0 -> "major";
                    case 1 -> "minor";
                    case 2 -> "patch";
                    default -> "build";
                };
            }
        }
        return suffix().equals(other.suffix()) ? "none" : "pre-release";
    }

    @Override
    public String toString() {
        return text;
    }
}
