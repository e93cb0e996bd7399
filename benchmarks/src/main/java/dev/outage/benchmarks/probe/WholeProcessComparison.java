package dev.outage.benchmarks.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times whole processes side by side, alternating, N runs each, and prints min/median/max: {@code
 * outage probe venv-check DIR} against {@code DIR/bin/python -m pip check}, and {@code outage probe
 * venv DIR --import M} against {@code DIR/bin/python -I -c 'import M'}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outage.benchmarks.probe.WholeProcessComparison \
 *     cli/target/outage.jar /path/to/venv 20 sqlalchemy,greenlet
 * </pre>
 */
public final class WholeProcessComparison {

    private WholeProcessComparison() {}

    /** Runs the comparison: arguments OUTAGE_JAR VENV [RUNS] [MODULES]. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: WholeProcessComparison OUTAGE_JAR VENV [RUNS] [MODULES]");
            System.exit(2);
        }
        String jar = args[0];
        Path venv = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String modules = args.length > 3 ? args[3] : "sqlalchemy,greenlet";
        String python = venv.resolve("bin/python").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        compare(
                runs,
                "outage probe venv-check",
                List.of(java, "-jar", jar, "probe", "venv-check", venv.toString()),
                "pip check",
                List.of(python, "-m", "pip", "check"));
        compare(
                runs,
                "outage probe venv --import",
                List.of(java, "-jar", jar, "probe", "venv", venv.toString(), "--import", modules),
                "python -I -c import",
                List.of(python, "-I", "-c", "import " + modules));
    }

    private static void compare(int runs, String nameA, List<String> a, String nameB, List<String> b)
            throws IOException, InterruptedException {
        double[] ta = new double[runs];
        double[] tb = new double[runs];
        BenchVenv.run(a);
        BenchVenv.run(b);
        for (int i = 0; i < runs; i++) {
            ta[i] = time(a);
            tb[i] = time(b);
        }
        print(nameA, ta);
        print(nameB, tb);
        System.out.printf(Locale.ROOT, "median ratio %s / %s = %.2f%n%n", nameB, nameA, median(tb) / median(ta));
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        BenchVenv.run(new ArrayList<>(command));
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "%-28s min %7.1f ms  median %7.1f ms  max %7.1f ms%n",
                name,
                s[0],
                median(s),
                s[s.length - 1]);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
