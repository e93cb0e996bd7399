package dev.outage.probe.python;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause such as {@code >=1.0}, {@code ~=2.2}, {@code ==1.4.*} or {@code !=1.1}.
 *
 * @param operator one of {@code ~= == != <= >= < > ===}
 * @param version the version text after the operator, without spaces; may end in {@code .*}
 */
public record VersionSpecifier(String operator, String version) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([^\\s,;)]+)\\s*");
    private static final List<String> OPERATORS = List.of("~=", "===", "==", "!=", "<=", ">=", "<", ">");

    /** Checks the operator and that the version fits it. */
    public VersionSpecifier {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(version, "version");
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("unknown version operator '" + operator + "'");
        }
        if (!operator.equals("===")) {
            boolean wildcard = version.endsWith(".*");
            if (wildcard && !(operator.equals("==") || operator.equals("!="))) {
                throw new IllegalArgumentException("'.*' is only allowed after == or !=: '" + operator + version + "'");
            }
            Pep440Version parsed = Pep440Version.tryParse(
                            wildcard ? version.substring(0, version.length() - 2) : version)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "not a PEP 440 version in specifier: '" + operator + version + "'"));
            if (operator.equals("~=") && parsed.release().size() < 2) {
                throw new IllegalArgumentException("~= needs at least two release numbers: '~=" + version + "'");
            }
            if (parsed.hasLocal() && !(operator.equals("==") || operator.equals("!="))) {
                throw new IllegalArgumentException(
                        "a local version is only allowed after == or !=: '" + operator + version + "'");
            }
        }
    }

    /**
     * Parses one clause such as {@code >= 1.0}.
     *
     * @throws IllegalArgumentException naming the text when it is not a valid clause
     */
    public static VersionSpecifier parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version specifier: '" + text + "'");
        }
        return new VersionSpecifier(m.group(1), m.group(2));
    }

    /** Returns whether this clause admits pre-releases by itself, as PEP 440 says. */
    public boolean mentionsPrerelease() {
        if (!List.of("==", ">=", "<=", "~=", "===").contains(operator) || version.endsWith(".*")) {
            return false;
        }
        return Pep440Version.tryParse(version).map(Pep440Version::isPrerelease).orElse(false);
    }

    /**
     * Returns whether the version satisfies this clause, ignoring pre-release exclusion (the caller,
     * usually {@link SpecifierSet}, decides that).
     */
    public boolean admits(Pep440Version candidate) {
        if (operator.equals("===")) {
            return candidate.toString().equalsIgnoreCase(version);
        }
        return switch (operator) {
            case "==" -> equalTo(candidate);
            case "!=" -> !equalTo(candidate);
            case "~=" -> compatible(candidate);
            case "<=" -> candidate.publicVersion().compareTo(spec()) <= 0;
            case ">=" -> candidate.publicVersion().compareTo(spec()) >= 0;
            case "<" -> lessThan(candidate);
            default -> greaterThan(candidate);
        };
    }

    /** Returns whether the raw text matches under {@code ===}, the only operator for non-PEP 440 text. */
    public boolean admitsText(String candidate) {
        return operator.equals("===")
                && candidate.strip().toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
    }

    private Pep440Version spec() {
        return Pep440Version.parse(version);
    }

    private boolean equalTo(Pep440Version candidate) {
        if (version.endsWith(".*")) {
            return prefixMatch(Pep440Version.parse(version.substring(0, version.length() - 2)), candidate);
        }
        Pep440Version spec = spec();
        return (spec.hasLocal() ? candidate : candidate.publicVersion()).compareTo(spec) == 0;
    }

    private static boolean prefixMatch(Pep440Version prefix, Pep440Version candidate) {
        if (!prefix.epoch().equals(candidate.epoch())) {
            return false;
        }
        String prefixText = prefix.publicVersion().toString().replaceFirst("^[0-9]+!", "");
        List<BigInteger> prefixRelease = prefix.release();
        List<BigInteger> padded = Pep440Version.padded(candidate.release(), prefixRelease.size());
        if (!padded.subList(0, prefixRelease.size()).equals(prefixRelease)) {
            return false;
        }
        // A prefix with a pre/post/dev part (==1.0rc1.*) must match the candidate's text after the release.
        String releaseText = String.join(
                ".", prefixRelease.stream().map(BigInteger::toString).toList());
        String suffix = prefixText.substring(releaseText.length());
        if (suffix.isEmpty()) {
            return true;
        }
        if (candidate.release().size() > prefixRelease.size()) {
            return false;
        }
        String candidateText = candidate.publicVersion().toString().replaceFirst("^[0-9]+!", "");
        String candidateRelease = String.join(
                ".", candidate.release().stream().map(BigInteger::toString).toList());
        return candidateText.substring(candidateRelease.length()).startsWith(suffix);
    }

    private boolean compatible(Pep440Version candidate) {
        Pep440Version spec = spec();
        List<BigInteger> prefix = spec.release().subList(0, spec.release().size() - 1);
        String prefixText = (spec.epoch().signum() != 0 ? spec.epoch() + "!" : "")
                + String.join(".", prefix.stream().map(BigInteger::toString).toList());
        return candidate.publicVersion().compareTo(spec) >= 0
                && prefixMatch(Pep440Version.parse(prefixText), candidate);
    }

    private boolean lessThan(Pep440Version candidate) {
        Pep440Version spec = spec();
        if (candidate.publicVersion().compareTo(spec) >= 0) {
            return false;
        }
        return spec.isPrerelease()
                || !candidate.isPrerelease()
                || !candidate.baseVersion().equals(spec.baseVersion());
    }

    private boolean greaterThan(Pep440Version candidate) {
        Pep440Version spec = spec();
        if (candidate.publicVersion().compareTo(spec) <= 0) {
            return false;
        }
        boolean sameBase = candidate.baseVersion().equals(spec.baseVersion());
        if (!spec.isPostrelease() && candidate.isPostrelease() && sameBase) {
            return false;
        }
        return !(candidate.hasLocal() && sameBase);
    }

    @Override
    public String toString() {
        return operator + version;
    }
}
