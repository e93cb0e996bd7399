package dev.outage.probe.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.probe.testing.PythonVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares our PEP 440 ordering and specifier matching with the packaging library pip itself
 * vendors, on random versions and specifiers. Size: {@code -Doutage.pep440.cases=N} (default 3000).
 */
class Pep440DifferentialTest {

    private static final String[] OPS = {"==", "!=", "<=", ">=", "<", ">", "~="};
    private static final String SCRIPT = String.join(
            "\n",
            "import sys",
            "from pip._vendor.packaging.version import Version",
            "from pip._vendor.packaging.specifiers import Specifier",
            "out = []",
            "for line in open(sys.argv[1]):",
            "    kind, a, b = line.rstrip('\\n').split('\\t')",
            "    if kind == 'cmp':",
            "        x, y = Version(a), Version(b)",
            "        out.append(str((x > y) - (x < y)))",
            "    else:",
            "        out.append('1' if Specifier(b).contains(a, prereleases=True) else '0')",
            "print('\\n'.join(out))");

    @TempDir
    Path dir;

    @Test
    void orderingAndSpecifiersAgreeWithPipsPackaging() throws IOException {
        int cases = Integer.getInteger("outage.pep440.cases", 3000);
        Random random = new Random(440);
        List<String[]> inputs = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String a = version(random);
            if (random.nextBoolean()) {
                inputs.add(new String[] {"cmp", a, version(random)});
            } else {
                inputs.add(new String[] {"spec", a, specifier(random)});
            }
        }
        Path file = dir.resolve("cases.tsv");
        Files.write(file, inputs.stream().map(c -> String.join("\t", c)).toList());

        PythonVenvs.Run python = PythonVenvs.run(null, PythonVenvs.python(), "-c", SCRIPT, file.toString());
        assertThat(python.exitCode()).as(python.stderr()).isZero();
        String[] expected = python.stdout().strip().split("\n");

        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String[] c = inputs.get(i);
            String ours = c[0].equals("cmp")
                    ? String.valueOf(Integer.signum(Pep440Version.parse(c[1]).compareTo(Pep440Version.parse(c[2]))))
                    : new SpecifierSet(List.of(VersionSpecifier.parse(c[2]))).contains(Pep440Version.parse(c[1]), true)
                            ? "1"
                            : "0";
            if (!ours.equals(expected[i])) {
                disagreements.add(String.join(" ", c) + ": packaging " + expected[i] + ", ours " + ours);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static String version(Random r) {
        StringBuilder v = new StringBuilder();
        if (r.nextInt(20) == 0) {
            v.append(r.nextInt(2)).append('!');
        }
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            v.append(i == 0 ? "" : ".").append(r.nextInt(4));
        }
        switch (r.nextInt(6)) {
            case 0 -> v.append(new String[] {"a", "b", "rc"}[r.nextInt(3)]).append(r.nextInt(3));
            case 1 -> v.append(".post").append(r.nextInt(3));
            case 2 -> v.append(".dev").append(r.nextInt(3));
            case 3 -> v.append("rc1.post1.dev").append(r.nextInt(2));
            default -> {}
        }
        if (r.nextInt(8) == 0) {
            v.append("+local.").append(r.nextInt(3));
        }
        return v.toString();
    }

    private static String specifier(Random r) {
        String op = OPS[r.nextInt(OPS.length)];
        // packaging before 22 (vendored by pip 23) matches an explicit "0!" in ==/~= prefixes as text.
        String v = version(r).replaceAll("\\+.*", "").replaceFirst("^0!", "");
        if (op.equals("~=") && !v.replaceAll("^\\d+!", "").matches("\\d+\\.\\d+.*")) {
            v = v.replaceFirst("^(\\d+!)?(\\d+)", "$1$2.0");
        }
        if ((op.equals("==") || op.equals("!=")) && r.nextInt(3) == 0) {
            v = v.replaceAll("(a|b|rc|\\.post|\\.dev).*$", "") + ".*";
        }
        return op + v;
    }
}
