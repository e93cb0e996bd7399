package dev.outage.nix.syntax;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real {@code nix-instantiate --parse} over many files, in as few processes as possible,
 * and compares its verdicts with ours.
 */
final class NixOracle {

    /** What Nix said about one file: the printed expression, or its first error. */
    record Verdict(boolean ok, String printed, String message, int line, int column) {
        String describe() {
            return ok ? "accepts: " + printed : "rejects at " + line + ":" + column + ": " + message;
        }
    }

    private static final Pattern AT = Pattern.compile("^\\s*at (.*):(\\d+):(\\d+):$");
    private static final int BATCH = 200;

    private final String binary;
    private int invocations;

    private NixOracle(String binary) {
        this.binary = binary;
    }

    /** Finds nix-instantiate on the PATH or fails with install advice. */
    static NixOracle find() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "nix-instantiate");
            if (Files.isExecutable(candidate)) {
                return new NixOracle(candidate.toString());
            }
        }
        throw new AssertionError("nix-instantiate not found on PATH: install Debian's nix-bin "
                + "(apt-get install nix-bin) or run scripts/install-test-tools.sh");
    }

    int invocations() {
        return invocations;
    }

    /** Returns Nix's verdict for each file, in order. */
    List<Verdict> judge(List<Path> files) throws IOException, InterruptedException {
        List<Verdict> verdicts = new ArrayList<>(files.size());
        int start = 0;
        while (start < files.size()) {
            List<Path> batch = files.subList(start, Math.min(files.size(), start + BATCH));
            List<Verdict> got = run(batch);
            verdicts.addAll(got);
            start += got.size();
        }
        return verdicts;
    }

    /** Runs one process; returns the verdicts up to and including the first rejected file. */
    private List<Verdict> run(List<Path> batch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "--store", "dummy://", "--parse"));
        for (Path p : batch) {
            command.add(p.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NIX_REMOTE", "dummy://");
        Path err = Files.createTempFile("nix-oracle", ".err");
        builder.redirectError(err.toFile());
        invocations++;
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("nix-instantiate did not finish within 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        String out = new String(stdout, StandardCharsets.UTF_8);
        List<Verdict> verdicts = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                verdicts.add(new Verdict(true, out.substring(lineStart, i), null, 0, 0));
                lineStart = i + 1;
            }
        }
        if (process.exitValue() == 0) {
            if (verdicts.size() != batch.size()) {
                throw new IOException(
                        "nix-instantiate printed " + verdicts.size() + " lines for " + batch.size() + " files");
            }
            return verdicts;
        }
        verdicts.add(error(stderr));
        return verdicts;
    }

    private static Verdict error(String stderr) {
        String[] lines = stderr.split("\n");
        String message = null;
        for (String line : lines) {
            if (message == null && line.startsWith("error: ")) {
                message = line.substring("error: ".length());
                continue;
            }
            Matcher m = AT.matcher(line);
            if (message != null && m.matches()) {
                return new Verdict(false, null, message, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        }
        return new Verdict(false, null, message == null ? stderr.strip() : message, 0, 0);
    }

    /** Returns our verdict in the same shape. */
    static Verdict ours(ParseResult result) {
        if (result.ok()) {
            return new Verdict(true, NixPrinter.print(result), null, 0, 0);
        }
        SyntaxError first = result.errors().get(0);
        return new Verdict(false, null, first.message(), first.line(), first.column());
    }

    /**
     * Returns null when both agree, else a description of the difference.
     *
     * <p>Two relaxations, both for orders that Nix 2.8 takes from its symbol table's memory
     * addresses and that no parser can predict: {@code let} bindings and function formals may be
     * printed in another order (then the printed tokens must still be the same multiset), and when Nix names an
     * undefined variable, we must report that same variable at the same position among ours.
     */
    static String compare(Path file, Verdict nix, ParseResult result) {
        Verdict ours = ours(result);
        if (nix.ok() != ours.ok()) {
            return file + ":\n   nix  " + nix.describe() + "\n   ours " + ours.describe();
        }
        if (nix.ok()) {
            if (nix.printed().equals(ours.printed())) {
                return null;
            }
            boolean unpredictableOrder =
                    nix.printed().contains("(let ") || nix.printed().contains("({ ");
            if (unpredictableOrder && sameTokens(nix.printed(), ours.printed())) {
                return null;
            }
            return file + ":\n   nix  " + nix.describe() + "\n   ours " + ours.describe();
        }
        if (nix.describe().equals(ours.describe())) {
            return null;
        }
        if (nix.message().startsWith("undefined variable") && ours.message().startsWith("undefined variable")) {
            for (SyntaxError e : result.errors()) {
                if (e.message().equals(nix.message()) && e.line() == nix.line() && e.column() == nix.column()) {
                    return null;
                }
            }
        }
        return file + ":\n   nix  " + nix.describe() + "\n   ours " + ours.describe();
    }

    private static boolean sameTokens(String a, String b) {
        return a.length() == b.length() && tokens(a).equals(tokens(b));
    }

    private static java.util.Map<String, Integer> tokens(String printed) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Token t : NixLexer.tokenize(printed).tokens()) {
            counts.merge(t.kind() + ":" + t.value(), 1, Integer::sum);
        }
        return counts;
    }

    /** Parses every file, asks Nix about all of them, and returns the differences. */
    List<String> differences(List<Path> files) throws IOException, InterruptedException {
        List<Verdict> nix = judge(files);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String d = compare(files.get(i), nix.get(i), NixParser.parse(files.get(i)));
            if (d != null) {
                differences.add(d);
            }
        }
        return differences;
    }
}
