package dev.outage.probe.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Builds real venvs with {@code python3 -m venv} and pip for tests, and runs their tools. */
public final class PythonVenvs {

    private static final String INSTALL_ADVICE =
            "install python3 with venv and pip (Debian: apt-get install python3-venv python3-pip, or scripts/install-test-tools.sh), or set OUTAGE_PYTHON";

    /** What a process printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {}

    private static Path shared;

    private PythonVenvs() {}

    /**
     * Returns a venv with {@code sqlalchemy<2.1} (and so greenlet) installed, built once per test JVM
     * and deleted when it exits; tests must not change it (use {@link #copy} first).
     */
    public static synchronized Path sharedSqlalchemyVenv() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("outage-venv");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            shared = create(dir.resolve("venv"), "sqlalchemy<2.1");
        }
        return shared;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    /** Returns the python used to build venvs: {@code OUTAGE_PYTHON} or {@code python3} on the PATH. */
    public static String python() throws IOException {
        String fromEnv = System.getenv("OUTAGE_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        for (String dir : Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("python3 not found on the PATH; " + INSTALL_ADVICE);
    }

    /** Creates a venv with pip and installs the requirements into it (no-op list allowed). */
    public static Path create(Path dir, String... requirements) throws IOException {
        Run venv = run(null, python(), "-m", "venv", dir.toString());
        if (venv.exitCode() != 0) {
            throw new IOException("python3 -m venv failed: " + venv.stderr() + "; " + INSTALL_ADVICE);
        }
        if (requirements.length > 0) {
            List<String> args = new ArrayList<>(List.of("-m", "pip", "install", "-q"));
            args.addAll(List.of(requirements));
            pip(dir, args);
        }
        return dir;
    }

    /** Runs the venv's python with the arguments and fails when it exits non-zero. */
    public static Run pip(Path venv, List<String> args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(venv.resolve("bin/python").toString()));
        command.addAll(args);
        Run run = run(null, command.toArray(String[]::new));
        if (run.exitCode() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + run.stderr() + run.stdout());
        }
        return run;
    }

    /** Runs {@code python -m pip check} in the venv; a user base directory may be given (else an empty one). */
    public static Run pipCheck(Path venv, Path userBase) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONUSERBASE", userBase.toString());
        return run(env, venv.resolve("bin/python").toString(), "-m", "pip", "check");
    }

    /** Runs a command with the usual pip settings, extra environment on top; waits up to 5 minutes. */
    public static Run run(Map<String, String> extraEnv, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PIP_RETRIES", "0");
        builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        builder.environment().put("PIP_NO_INPUT", "1");
        if (extraEnv != null) {
            builder.environment().putAll(extraEnv);
        }
        Path out = Files.createTempFile("outage-run", ".out");
        Path err = Files.createTempFile("outage-run", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Copies a venv directory cheaply: regular files are hard-linked (call {@link #detach} before
     * editing one in place), symlinks stay symlinks (the interpreter stays the base one), and
     * {@code pyvenv.cfg} is a real copy.
     */
    public static Path copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isRegularFile() && !file.getFileName().toString().equals("pyvenv.cfg")) {
                    try {
                        Files.createLink(target, file);
                        return FileVisitResult.CONTINUE;
                    } catch (IOException | UnsupportedOperationException e) {
                        // another file system: fall back to a copy
                    }
                }
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /** Replaces a hard-linked file with its own copy, so that editing it leaves the original alone; returns it. */
    public static Path detach(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);
        Files.write(file, content);
        return file;
    }

    /** Returns the venv's site-packages directory. */
    public static Path sitePackages(Path venv) throws IOException {
        try (var dirs = Files.list(venv.resolve("lib"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("python"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no lib/python* in " + venv))
                    .resolve("site-packages");
        }
    }
}
