package dev.outage.probe.python;

import dev.outage.probe.internal.DistributionReader;
import dev.outage.probe.internal.RecordFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Python venv from disk, without starting Python, and finds what {@code pip check} finds
 * plus what it does not.
 *
 * <p>Found like {@code pip check}: requirements ({@code Requires-Dist}) whose PEP 508 markers hold
 * for the venv's Python and this machine's platform (with {@code extra} empty) but whose project is
 * missing, or installed in a version outside the PEP 440 specifiers (pre-releases admitted).
 * Found beyond it: files listed in a {@code RECORD} that are missing or whose size or sha256
 * differ, two dist-info directories of one project, and, in a venv with
 * {@code include-system-site-packages = true} (the only kind whose path Python extends with the
 * user site), distributions of the user site that the venv sees and top-level modules of the user
 * site that would shadow the venv's own once the user site comes first on {@code sys.path}. A
 * user site reaching an isolated venv through {@code PYTHONPATH} is found by
 * {@link VenvImportProbe} in its service mode, not here.
 *
 * <pre>{@code
 * VenvInspection inspection = VenvInspector.forVenv(Path.of("/srv/open-webui/venv")).inspect();
 * inspection.problems().forEach(p -> System.out.println(p.subject() + ": " + p.message()));
 * }</pre>
 *
 * <p>Limitations: the marker environment is the machine the JVM runs on, so a venv inspected from
 * another machine (a mounted disk) is judged for this one; versions that are not PEP 440 are never
 * reported as conflicting; {@code PYTHONPATH} entries are not followed ({@code .pth} files are, with
 * the {@code *.egg-info}, {@code .egg} directories and zipped eggs they lead to); the base
 * interpreter's site-packages are found under its prefix ({@code lib/pythonX.Y/site-packages} and
 * Debian's {@code dist-packages}) only; the {@code WHEEL} tags of installed distributions are not
 * checked (newer pip reports a wheel this interpreter does not accept as unsupported).
 *
 * <p>Instances are immutable and thread-safe; {@link #inspect()} reads the file system and blocks.
 */
public final class VenvInspector {

    private final Path venv;
    private final List<Path> userSites;
    private final RecordCheck recordCheck;

    /** How files are checked against the {@code RECORD} of their distribution. */
    public enum RecordCheck {
        /** Not at all: only what {@code pip check} does. */
        NONE,
        /**
         * Every file for presence and size; the sha256 of files modified after their RECORD was
         * written (installers write RECORD last). Misses a same-size edit whose modification time
         * was set back. The default.
         */
        CHANGED,
        /** Every file for presence, size and sha256. */
        FULL
    }

    private VenvInspector(Path venv, List<Path> userSites, RecordCheck recordCheck) {
        this.venv = venv;
        this.userSites = userSites == null ? null : List.copyOf(userSites);
        this.recordCheck = recordCheck;
    }

    /**
     * Returns an inspector of the venv that checks RECORD files and looks for the user site where
     * Python would ({@code PYTHONUSERBASE}, else {@code ~/.local}, and on macOS also {@code
     * ~/Library/Python/X.Y}).
     */
    public static VenvInspector forVenv(Path venv) {
        java.util.Objects.requireNonNull(venv, "venv");
        return new VenvInspector(venv, null, RecordCheck.CHANGED);
    }

    /** Returns the venv directory this inspector reads. */
    public Path venv() {
        return venv;
    }

    /** Returns a copy that looks for user sites in exactly these directories (none when empty). */
    public VenvInspector withUserSites(List<Path> userSites) {
        return new VenvInspector(venv, java.util.Objects.requireNonNull(userSites, "userSites"), recordCheck);
    }

    /** Returns a copy that checks RECORD files as given; the default is {@link RecordCheck#CHANGED}. */
    public VenvInspector withRecordCheck(RecordCheck check) {
        return new VenvInspector(venv, userSites, java.util.Objects.requireNonNull(check, "check"));
    }

    /**
     * Reads the venv and returns what it holds and every problem found.
     *
     * @throws NoSuchFileException when the directory is not a venv (no {@code pyvenv.cfg}) or has no
     *     site-packages
     * @throws IOException when a directory cannot be listed
     */
    public VenvInspection inspect() throws IOException {
        PyvenvConfig config = PyvenvConfig.read(venv);
        Path site = sitePackages(config);
        String fullVersion = config.version() != null ? config.version() : versionFromPath(site);
        MarkerEnvironment environment =
                MarkerEnvironment.forCPython(fullVersion).with("extra", "");
        List<Path> users = userSites == null ? defaultUserSites(config) : userSites;

        List<VenvProblem> problems = new ArrayList<>();
        Map<String, InstalledDistribution> visible = new LinkedHashMap<>();
        for (Path location : searchPath(config, site, users)) {
            collect(location, location.equals(site), visible, problems);
        }
        List<VenvProblem> pip = checkRequirements(visible.values(), visible, environment);
        List<VenvProblem> all = new ArrayList<>(pip);
        all.addAll(problems);
        if (recordCheck != RecordCheck.NONE) {
            all.addAll(verifyRecords(site, visible.values(), recordCheck == RecordCheck.FULL));
        }
        // Python never puts the user site on the path of a venv without system site packages,
        // so only a venv that has them can be shadowed by it.
        if (config.includeSystemSitePackages()) {
            for (Path user : users) {
                all.addAll(shadowing(site, user));
            }
        }
        return new VenvInspection(venv, config, site, List.copyOf(visible.values()), all);
    }

    private Path sitePackages(PyvenvConfig config) throws IOException {
        Optional<String> majorMinor = config.majorMinor();
        List<Path> candidates = new ArrayList<>();
        majorMinor.ifPresent(
                v -> candidates.add(venv.resolve("lib").resolve("python" + v).resolve("site-packages")));
        candidates.add(venv.resolve("Lib").resolve("site-packages"));
        Path lib = venv.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(lib, "python3*")) {
                for (Path dir : dirs) {
                    candidates.add(dir.resolve("site-packages"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new NoSuchFileException(venv.toString(), null, "venv has no site-packages directory");
    }

    private static String versionFromPath(Path site) {
        String dir = site.getParent().getFileName().toString();
        return dir.startsWith("python") ? dir.substring("python".length()) + ".0" : "3.0.0";
    }

    private static List<Path> defaultUserSites(PyvenvConfig config) {
        String majorMinor = config.majorMinor().orElse(null);
        if (majorMinor == null) {
            return List.of();
        }
        String userBase = System.getenv("PYTHONUSERBASE");
        String home = System.getProperty("user.home");
        List<Path> out = new ArrayList<>();
        if (userBase != null && !userBase.isBlank()) {
            out.add(Path.of(userBase, "lib", "python" + majorMinor, "site-packages"));
        } else if (home != null) {
            out.add(Path.of(home, ".local", "lib", "python" + majorMinor, "site-packages"));
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
                out.add(Path.of(home, "Library", "Python", majorMinor, "lib", "python", "site-packages"));
            }
        }
        return out;
    }

    // site.py (3.x venvs) puts the venv's site-packages first, then the user site, then the base prefix's.
    private static List<Path> searchPath(PyvenvConfig config, Path site, List<Path> users) throws IOException {
        Set<Path> path = new LinkedHashSet<>();
        path.add(site);
        if (config.includeSystemSitePackages()) {
            users.stream().filter(Files::isDirectory).forEach(path::add);
        }
        if (config.includeSystemSitePackages()
                && config.home() != null
                && config.majorMinor().isPresent()) {
            Path prefix = Path.of(config.home()).getParent();
            String v = config.majorMinor().get();
            if (prefix != null) {
                path.add(prefix.resolve("lib").resolve("python" + v).resolve("site-packages"));
                path.add(prefix.resolve("local")
                        .resolve("lib")
                        .resolve("python" + v)
                        .resolve("dist-packages"));
                path.add(prefix.resolve("lib").resolve("python3").resolve("dist-packages"));
            }
        }
        Set<Path> withPth = new LinkedHashSet<>();
        for (Path dir : path) {
            withPth.add(dir);
            withPth.addAll(pthEntries(dir));
        }
        return new ArrayList<>(withPth);
    }

    /**
     * Returns the directories the {@code .pth} files of a site directory add to {@code sys.path}, as
     * {@code site.addsitedir} does: files in name order, lines that are not blank, comments or
     * {@code import} statements are paths relative to the site directory, added when they exist.
     * Legacy editable installs ({@code setup.py develop}, {@code easy-install.pth}) and setuptools'
     * editable installs of {@code src} layouts are found this way, and {@code pip check} sees them.
     */
    private static List<Path> pthEntries(Path siteDir) throws IOException {
        if (!Files.isDirectory(siteDir)) {
            return List.of();
        }
        List<Path> pthFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(siteDir, "*.pth")) {
            files.forEach(pthFiles::add);
        }
        pthFiles.sort(Comparator.comparing(f -> f.getFileName().toString()));
        List<Path> out = new ArrayList<>();
        for (Path pth : pthFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(pth, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // site.py skips a .pth file it cannot read
            }
            for (String line : lines) {
                if (line.startsWith("#")
                        || line.isBlank()
                        || line.startsWith("import ")
                        || line.startsWith("import\t")) {
                    continue;
                }
                Path dir;
                try {
                    dir = siteDir.resolve(line.stripTrailing()).toAbsolutePath().normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    continue;
                }
                if (Files.exists(dir)) {
                    out.add(dir);
                }
            }
        }
        return out;
    }

    private static void collect(
            Path location, boolean venvSite, Map<String, InstalledDistribution> visible, List<VenvProblem> problems)
            throws IOException {
        DistributionReader.Found found = DistributionReader.scan(location);
        Map<String, InstalledDistribution> here = new HashMap<>();
        for (InstalledDistribution dist : found.distributions()) {
            String name = dist.canonicalName();
            InstalledDistribution earlier = here.putIfAbsent(name, dist);
            if (earlier != null && venvSite) {
                problems.add(new VenvProblem.DuplicateDistribution(name, earlier.distInfo(), dist.distInfo()));
            }
            visible.putIfAbsent(name, dist);
            dist.metadataErrors().forEach(e -> problems.add(new VenvProblem.UnreadableMetadata(name, e)));
        }
        found.unreadable()
                .forEach(u -> problems.add(new VenvProblem.UnreadableMetadata(
                        u.path().getFileName().toString(), u.reason())));
    }

    private static List<VenvProblem> checkRequirements(
            Iterable<InstalledDistribution> dists, Map<String, InstalledDistribution> visible, MarkerEnvironment env) {
        List<VenvProblem> missing = new ArrayList<>();
        List<VenvProblem> conflicting = new ArrayList<>();
        for (InstalledDistribution dist : dists) {
            List<VenvProblem> missingHere = new ArrayList<>();
            List<VenvProblem> conflictingHere = new ArrayList<>();
            for (Requirement requirement : dist.requires()) {
                boolean applies;
                try {
                    applies = requirement.appliesIn(env);
                } catch (IllegalArgumentException e) {
                    missingHere.add(new VenvProblem.UnreadableMetadata(dist.canonicalName(), e.getMessage()));
                    continue;
                }
                if (!applies) {
                    continue;
                }
                InstalledDistribution installed = visible.get(requirement.canonicalName());
                if (installed == null) {
                    missingHere.add(new VenvProblem.MissingRequirement(
                            dist.canonicalName(), dist.displayVersion(), requirement));
                } else if (!satisfies(requirement, installed)) {
                    conflictingHere.add(new VenvProblem.ConflictingRequirement(
                            dist.canonicalName(), dist.displayVersion(), requirement, installed.displayVersion()));
                }
            }
            missingHere.sort(Comparator.comparing(VenvProblem::message));
            conflictingHere.sort(Comparator.comparing(VenvProblem::message));
            missing.addAll(missingHere);
            conflicting.addAll(conflictingHere);
        }
        missing.addAll(conflicting);
        return missing;
    }

    private static boolean satisfies(Requirement requirement, InstalledDistribution installed) {
        Optional<Pep440Version> version = installed.parsedVersion();
        if (version.isEmpty()) {
            return requirement.specifier().specifiers().stream()
                    .allMatch(s -> !s.operator().equals("===") || s.admitsText(installed.version()));
        }
        return requirement.specifier().contains(version.get(), true);
    }

    private static List<VenvProblem> verifyRecords(Path site, Iterable<InstalledDistribution> dists, boolean hashAll)
            throws IOException {
        List<VenvProblem> out = new ArrayList<>();
        for (InstalledDistribution dist : dists) {
            Path record = dist.distInfo().resolve("RECORD");
            if (!dist.location().equals(site) || !Files.isRegularFile(record)) {
                continue;
            }
            java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(record);
            List<RecordFile.Entry> entries = RecordFile.read(record);
            // pip lists a .pyc a wheel ships with the wheel's hash, compiles over it, and lists it
            // again without a hash: a path that has a row without a hash is not checked.
            Set<String> rewritten = new HashSet<>();
            entries.stream().filter(e -> e.hash().isEmpty()).forEach(e -> rewritten.add(e.path()));
            Set<String> checked = new HashSet<>();
            for (RecordFile.Entry entry : entries) {
                if (rewritten.contains(entry.path()) || !checked.add(entry.path())) {
                    continue;
                }
                Path file = site.resolve(entry.path()).normalize();
                RecordFile.verify(file, entry, hashAll ? null : written)
                        .ifPresent(reason -> out.add(new VenvProblem.FileModified(dist.canonicalName(), file, reason)));
            }
        }
        return out;
    }

    private static List<VenvProblem> shadowing(Path site, Path user) throws IOException {
        if (!Files.isDirectory(user)) {
            return List.of();
        }
        Set<String> venvNames = topLevelNames(site);
        Set<String> venvProjects = new LinkedHashSet<>();
        DistributionReader.scan(site).distributions().forEach(d -> venvProjects.add(d.canonicalName()));
        List<VenvProblem> out = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (InstalledDistribution dist : DistributionReader.scan(user).distributions()) {
            boolean overlaps = venvProjects.contains(dist.canonicalName());
            if (reported.add(dist.canonicalName())) {
                out.add(new VenvProblem.UserSiteShadowing(dist.canonicalName(), user, !overlaps));
            }
        }
        for (String module : topLevelNames(user)) {
            if (venvNames.contains(module)
                    && !reported.contains(Requirement.canonicalize(module))
                    && reported.add(module)) {
                out.add(new VenvProblem.UserSiteShadowing(module, user, false));
            }
        }
        return out;
    }

    // Importable top-level names in a directory: packages and single-file modules.
    private static Set<String> topLevelNames(Path dir) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String file = child.getFileName().toString();
                if (file.startsWith("_") && file.startsWith("__") || file.contains("-") || file.endsWith(".pth")) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    names.add(file);
                } else if (file.endsWith(".py") || file.endsWith(".so") || file.endsWith(".pyd")) {
                    names.add(file.substring(0, file.indexOf('.')));
                }
            }
        }
        return names;
    }
}
