package dev.outage.probe.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as PEP 440 defines it: epoch, release, pre-, post- and dev-release and local label,
 * normalised ({@code 1.0-ALPHA.1} is {@code 1.0a1}) and ordered as PEP 440 orders versions.
 *
 * <pre>{@code
 * Pep440Version.parse("2.0.54").compareTo(Pep440Version.parse("2.0.54.post1")) < 0
 * }</pre>
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    private static final Pattern SYNTAX = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?:-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String preLabel;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;

    private Pep440Version(
            BigInteger epoch,
            List<BigInteger> release,
            String preLabel,
            BigInteger preNumber,
            BigInteger post,
            BigInteger dev,
            List<String> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.preLabel = preLabel;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = List.copyOf(local);
    }

    /**
     * Parses a version, ignoring surrounding whitespace and case.
     *
     * @throws IllegalArgumentException naming the text when it is not a PEP 440 version
     */
    public static Pep440Version parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a PEP 440 version: '" + text + "'"));
    }

    /** Parses a version, or returns empty when the text is not a PEP 440 version. */
    public static Optional<Pep440Version> tryParse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLabel = m.group("preL") == null ? null : normalisePre(m.group("preL"));
        BigInteger preNumber = preLabel == null ? null : number(m.group("preN"));
        BigInteger post = m.group("postN1") != null
                ? new BigInteger(m.group("postN1"))
                : m.group("postL") != null ? number(m.group("postN2")) : null;
        BigInteger dev = m.group("devL") == null ? null : number(m.group("devN"));
        List<String> local = m.group("local") == null
                ? List.of()
                : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        return Optional.of(new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local));
    }

    private static String normalisePre(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** Returns the release numbers, e.g. {@code [2, 0, 54]}. */
    public List<BigInteger> release() {
        return release;
    }

    /** Returns whether this is a pre-release or a development release. */
    public boolean isPrerelease() {
        return preLabel != null || dev != null;
    }

    /** Returns whether this is a post-release. */
    public boolean isPostrelease() {
        return post != null;
    }

    /** Returns whether this version has a local label ({@code +ubuntu1}). */
    public boolean hasLocal() {
        return !local.isEmpty();
    }

    /** Returns this version without its local label. */
    public Pep440Version publicVersion() {
        return local.isEmpty() ? this : new Pep440Version(epoch, release, preLabel, preNumber, post, dev, List.of());
    }

    /** Returns the epoch and release only, e.g. {@code 1.0} for {@code 1.0rc1.post2}. */
    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, null, null, null, null, List.of());
    }

    /** Returns the epoch. */
    public BigInteger epoch() {
        return epoch;
    }

    @Override
    public int compareTo(Pep440Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c == 0) {
            c = compareRelease(release, other.release);
        }
        if (c == 0) {
            c = comparePre(other);
        }
        if (c == 0) {
            c = compareNullable(post, other.post, false);
        }
        if (c == 0) {
            c = compareNullable(dev, other.dev, true);
        }
        if (c == 0) {
            c = compareLocal(local, other.local);
        }
        return c;
    }

    static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    // A dev release without pre or post sorts before every pre-release of the same release.
    private int preRank() {
        if (preLabel == null && post == null && dev != null) {
            return -1;
        }
        if (preLabel == null) {
            return 3;
        }
        return switch (preLabel) {
            case "a" -> 0;
            case "b" -> 1;
            default -> 2;
        };
    }

    private int comparePre(Pep440Version other) {
        int c = Integer.compare(preRank(), other.preRank());
        if (c == 0 && preLabel != null) {
            c = preNumber.compareTo(other.preNumber);
        }
        return c;
    }

    // Absent post sorts first; absent dev sorts last.
    private static int compareNullable(BigInteger a, BigInteger b, boolean absentIsGreatest) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return absentIsGreatest ? 1 : -1;
        }
        if (b == null) {
            return absentIsGreatest ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int compareLocal(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareLocalPart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareLocalPart(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an != bn) {
            return an ? 1 : -1;
        }
        return a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<BigInteger> trimmed = new ArrayList<>(release);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) {
            trimmed.remove(trimmed.size() - 1);
        }
        return Objects.hash(epoch, trimmed, preLabel, preNumber, post, dev, local);
    }

    /** Returns the normalised form, e.g. {@code 1!2.0rc1.post2.dev3+local.7}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (epoch.signum() != 0) {
            out.append(epoch).append('!');
        }
        List<String> parts = new ArrayList<>();
        release.forEach(r -> parts.add(r.toString()));
        out.append(String.join(".", parts));
        if (preLabel != null) {
            out.append(preLabel).append(preNumber);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    static List<BigInteger> padded(List<BigInteger> release, int size) {
        List<BigInteger> out = new ArrayList<>(release);
        out.addAll(Collections.nCopies(Math.max(0, size - release.size()), BigInteger.ZERO));
        return out;
    }
}
