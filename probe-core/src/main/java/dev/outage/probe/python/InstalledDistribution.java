package dev.outage.probe.python;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One installed distribution, read from its {@code *.dist-info} directory.
 *
 * @param name the {@code Name} from METADATA as written
 * @param version the {@code Version} from METADATA as written
 * @param distInfo the {@code *.dist-info} directory
 * @param requires the parsed {@code Requires-Dist} lines, markers not yet evaluated
 * @param metadataErrors lines of METADATA that could not be parsed, with the reason
 */
public record InstalledDistribution(
        String name, String version, Path distInfo, List<Requirement> requires, List<String> metadataErrors) {

    /** Checks presence and copies the lists. */
    public InstalledDistribution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(distInfo, "distInfo");
        requires = List.copyOf(requires);
        metadataErrors = List.copyOf(metadataErrors);
    }

    /** Returns the PEP 503 normalised name. */
    public String canonicalName() {
        return Requirement.canonicalize(name);
    }

    /** Returns the parsed version, or empty when the version is not PEP 440. */
    public Optional<Pep440Version> parsedVersion() {
        return Pep440Version.tryParse(version);
    }

    /** Returns the version as pip prints it: normalised when it is PEP 440, else as written. */
    public String displayVersion() {
        return parsedVersion().map(Pep440Version::toString).orElse(version);
    }

    /** Returns the directory the distribution is installed into (the one holding its dist-info). */
    public Path location() {
        return distInfo.getParent();
    }
}
