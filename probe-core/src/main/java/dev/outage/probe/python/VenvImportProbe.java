package dev.outage.probe.python;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports modules with a venv's own interpreter, each on its own, in one process, and reports
 * for each whether it imported and from which file: the "import probe before restart" of a
 * Python service.
 *
 * <p>In {@link Mode#ISOLATED} the interpreter runs with {@code -I} (no user site, no {@code
 * PYTHON*} variables, no current directory on the path). In {@link Mode#SERVICE} it runs with the
 * environment the service gets (user site included). {@link Mode#BOTH} runs both and reports a
 * module that imports in only one of them, or from a different file, as user-site leakage.
 *
 * <pre>{@code
 * ProbeResult result = VenvImportProbe.builder(Path.of("/srv/open-webui/venv"),
 *                 List.of("open_webui.main", "sqlalchemy", "greenlet"))
 *         .mode(VenvImportProbe.Mode.BOTH)
 *         .timeout(Duration.ofSeconds(60))
 *         .build()
 *         .probe();
 * }</pre>
 *
 * <p>Limitations: importing runs the modules' top-level code, with whatever side effects it has;
 * modules are imported in the order given, so an earlier module's imports are already loaded for
 * later ones; module names must be ASCII dotted identifiers.
 */
public final class VenvImportProbe implements Probe {

    /** How the interpreter is started. */
    public enum Mode {
        /** {@code python -I}: the venv alone. */
        ISOLATED,
        /** The service's environment, user site included. */
        SERVICE,
        /** Both, reporting differences as user-site leakage. */
        BOTH
    }

    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String MARK = "@@outage-import@@";
    private static final String SCRIPT = String.join(
            "\n",
            "import sys, importlib, json",
            "r = []",
            "for n in sys.argv[1:]:",
            "    try:",
            "        m = importlib.import_module(n)",
            "        r.append({'module': n, 'ok': True, 'file': getattr(m, '__file__', None)})",
            "    except BaseException as e:",
            "        import traceback; tb = traceback.extract_tb(e.__traceback__)",
            "        f = getattr(e, 'filename', None) if isinstance(e, SyntaxError) else (tb[-1].filename if tb else None)",
            "        r.append({'module': n, 'ok': False, 'file': f, 'error': type(e).__name__, 'message': str(e)})",
            "sys.stdout.flush()",
            "sys.stdout.write('\\n" + MARK + "' + json.dumps(r) + '\\n')",
            "");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path venv;
    private final List<String> modules;
    private final Mode mode;
    private final Map<String, String> serviceEnvironment;
    private final Path workingDirectory;
    private final Duration timeout;
    private final CommandRunner runner;

    private VenvImportProbe(Builder b) {
        this.venv = b.venv;
        this.modules = List.copyOf(b.modules);
        this.mode = b.mode;
        this.serviceEnvironment = b.serviceEnvironment == null ? null : Map.copyOf(b.serviceEnvironment);
        this.workingDirectory = b.workingDirectory;
        this.timeout = b.timeout;
        this.runner = b.runner;
    }

    /**
     * Returns a builder for a probe of the venv importing the modules.
     *
     * @throws IllegalArgumentException naming the first module that is not a dotted identifier, or
     *     when the list is empty
     */
    public static Builder builder(Path venv, List<String> modules) {
        return new Builder(venv, modules);
    }

    /** Returns whether the text is a dotted module name such as {@code open_webui.main}. */
    public static boolean isModuleName(String text) {
        return text != null && MODULE.matcher(text).matches();
    }

    /** Returns the interpreter of a venv: {@code bin/python}, or {@code Scripts/python.exe} on Windows. */
    public static Path interpreter(Path venv) {
        Path posix = venv.resolve("bin").resolve("python");
        Path windows = venv.resolve("Scripts").resolve("python.exe");
        return Files.exists(posix) || !Files.exists(windows) ? posix : windows;
    }

    @Override
    public String describe() {
        return "venv-import " + venv + " " + String.join(",", modules);
    }

    @Override
    public ProbeResult probe() {
        ResultBuilder result = new ResultBuilder("venv-import", venv.toString());
        result.fact("modules", String.join(",", modules))
                .fact("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        Path python = interpreter(venv);
        if (!Files.isExecutable(python)) {
            result.problem(ProbeRules.VENV_IMPORT_FAILED, venv.toString(), "no interpreter at " + python);
            return result.build(ProbeStatus.ERROR, "no executable interpreter at " + python);
        }
        try {
            Map<String, ModuleImport> isolated = mode != Mode.SERVICE ? run(python, true, result) : null;
            Map<String, ModuleImport> service = mode != Mode.ISOLATED ? run(python, false, result) : null;
            report(isolated, service, result);
            return result.finish("all " + modules.size() + " modules import");
        } catch (ProbeEnded ended) {
            return ended.result;
        }
    }

    private Map<String, ModuleImport> run(Path python, boolean isolated, ResultBuilder result) throws ProbeEnded {
        // absolute, since the process starts in another directory; symlinks stay, as the venv
        // is found from the interpreter's own path
        List<String> command = new ArrayList<>(List.of(python.toAbsolutePath().toString()));
        if (isolated) {
            command.add("-I");
        }
        command.add("-c");
        command.add(SCRIPT);
        command.addAll(modules);
        Map<String, String> env = isolated ? null : serviceEnvironment;
        Path dir = workingDirectory != null ? workingDirectory : venv;
        Duration left = timeout.minus(result.elapsed());
        String label = isolated ? "isolated (-I)" : "service environment";
        if (left.isNegative() || left.isZero()) {
            throw timedOut(result, label);
        }
        CommandRunner.Output output;
        try {
            output = runner.run(new CommandRunner.Invocation(command, env, dir, null, left));
        } catch (IOException e) {
            result.problem(
                    ProbeRules.VENV_IMPORT_FAILED, venv.toString(), "cannot start " + python + ": " + e.getMessage());
            throw new ProbeEnded(result.build(ProbeStatus.ERROR, "cannot start " + python + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeEnded(result.build(ProbeStatus.ERROR, "interrupted"));
        }
        if (output.timedOut()) {
            throw timedOut(result, label);
        }
        return parse(output, label, result);
    }

    private ProbeEnded timedOut(ResultBuilder result, String label) {
        String cause = "importing did not finish within " + timeout.toMillis() + " ms (" + label + ")";
        result.problem(ProbeRules.VENV_IMPORT_FAILED, String.join(",", modules), cause);
        return new ProbeEnded(result.build(ProbeStatus.TIMED_OUT, cause));
    }

    private Map<String, ModuleImport> parse(CommandRunner.Output output, String label, ResultBuilder result)
            throws ProbeEnded {
        int at = output.stdout().lastIndexOf(MARK);
        if (at < 0) {
            String stderr = lastLine(output.stderr());
            String cause = "the interpreter (" + label + ") exited with " + output.exitCode() + " before reporting"
                    + (stderr.isEmpty() ? "" : ": " + stderr);
            result.problem(ProbeRules.VENV_IMPORT_FAILED, venv.toString(), cause);
            throw new ProbeEnded(result.build(ProbeStatus.FAILED, cause));
        }
        Map<String, ModuleImport> imports = new LinkedHashMap<>();
        try {
            for (JsonNode node :
                    JSON.readTree(output.stdout().substring(at + MARK.length()).strip())) {
                ModuleImport m = new ModuleImport(
                        node.path("module").asString(),
                        node.path("ok").asBoolean(),
                        file(node.path("file")),
                        text(node.path("error")),
                        text(node.path("message")));
                imports.put(m.module(), m);
            }
        } catch (JacksonException e) {
            result.problem(ProbeRules.VENV_IMPORT_FAILED, venv.toString(), "unreadable probe output");
            throw new ProbeEnded(result.build(
                    ProbeStatus.ERROR, "unreadable output from the interpreter: " + e.getOriginalMessage()));
        }
        return imports;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    // Frozen and built-in modules report pseudo-files such as "<frozen importlib._bootstrap>".
    private static String file(JsonNode node) {
        String value = text(node);
        return value == null || value.startsWith("<") ? null : value;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private void report(Map<String, ModuleImport> isolated, Map<String, ModuleImport> service, ResultBuilder result) {
        for (String module : modules) {
            ModuleImport i = isolated == null ? null : isolated.get(module);
            ModuleImport s = service == null ? null : service.get(module);
            if (i != null) {
                result.fact("isolated." + module, i.describe());
            }
            if (s != null) {
                result.fact("service." + module, s.describe());
            }
            ModuleImport failed = i != null && !i.ok() ? i : s != null && !s.ok() ? s : null;
            if (failed != null) {
                String where = i != null && s != null
                        ? (i.ok() ? " (service environment only)" : s.ok() ? " (isolated only)" : "")
                        : "";
                result.problem(ProbeRules.VENV_IMPORT_FAILED, module, "import fails: " + failed.describe() + where);
            }
            if (i != null && s != null && (i.ok() != s.ok() || i.ok() && !Objects.equals(i.file(), s.file()))) {
                result.problem(
                        ProbeRules.VENV_USER_SITE_SHADOWING,
                        module,
                        "user-site leakage: isolated " + i.describe() + ", as the service runs " + s.describe());
            }
        }
    }

    /** Ends the probe early with a finished result. */
    private static final class ProbeEnded extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ProbeResult result;

        ProbeEnded(ProbeResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Configures a {@link VenvImportProbe}; not thread-safe. */
    public static final class Builder {
        private final Path venv;
        private final List<String> modules;
        private Mode mode = Mode.ISOLATED;
        private Map<String, String> serviceEnvironment;
        private Path workingDirectory;
        private Duration timeout = Duration.ofSeconds(60);
        private CommandRunner runner = CommandRunner.system();

        private Builder(Path venv, List<String> modules) {
            this.venv = Objects.requireNonNull(venv, "venv");
            this.modules = List.copyOf(modules);
            if (this.modules.isEmpty()) {
                throw new IllegalArgumentException("no module to import in venv " + venv);
            }
            for (String module : this.modules) {
                if (!isModuleName(module)) {
                    throw new IllegalArgumentException("not a dotted module name: '" + module + "'");
                }
            }
        }

        /** Sets how the interpreter is started; default {@link Mode#ISOLATED}. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the environment the service runs with, used in {@link Mode#SERVICE} and {@link
         * Mode#BOTH}; null (the default) inherits this process's environment.
         */
        public Builder serviceEnvironment(Map<String, String> environment) {
            this.serviceEnvironment = environment;
            return this;
        }

        /** Sets the working directory of the interpreter; default the venv directory. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Sets the time all imports together may take; default 60 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets the command runner; default {@link CommandRunner#system()}. */
        public Builder runner(CommandRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** Returns the probe. */
        public VenvImportProbe build() {
            return new VenvImportProbe(this);
        }
    }
}
