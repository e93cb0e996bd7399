package dev.outage.probe.python;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values PEP 508 environment markers are evaluated against: a Python's version and the
 * platform it runs on.
 *
 * @param values marker variable names ({@code python_version}, {@code sys_platform}...) to values
 */
public record MarkerEnvironment(Map<String, String> values) {

    /** Copies the values. */
    public MarkerEnvironment {
        values = Map.copyOf(values);
    }

    /**
     * Returns the environment of a CPython of the given full version ({@code 3.11.7}) on the
     * machine this JVM runs on (os name, architecture and kernel release as the JVM reports them).
     *
     * @throws IllegalArgumentException when the version has fewer than two numbers
     */
    public static MarkerEnvironment forCPython(String fullVersion) {
        Objects.requireNonNull(fullVersion, "fullVersion");
        String[] parts = fullVersion.strip().split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a Python version: '" + fullVersion + "'");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean mac = os.contains("mac") || os.contains("darwin");
        boolean windows = os.contains("windows");
        Map<String, String> v = new HashMap<>();
        v.put("python_version", parts[0] + "." + parts[1]);
        v.put("python_full_version", fullVersion.strip());
        v.put("implementation_name", "cpython");
        v.put("implementation_version", fullVersion.strip());
        v.put("platform_python_implementation", "CPython");
        v.put("os_name", windows ? "nt" : "posix");
        v.put("sys_platform", mac ? "darwin" : windows ? "win32" : os.contains("linux") ? "linux" : os);
        v.put("platform_system", mac ? "Darwin" : windows ? "Windows" : os.contains("linux") ? "Linux" : os);
        v.put("platform_machine", machine(System.getProperty("os.arch", ""), mac));
        v.put("platform_release", System.getProperty("os.version", ""));
        v.put("platform_version", "");
        return new MarkerEnvironment(v);
    }

    private static String machine(String arch, boolean mac) {
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> mac ? "arm64" : "aarch64";
            default -> arch;
        };
    }

    /** Returns a copy with one variable set, e.g. {@code extra}. */
    public MarkerEnvironment with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new MarkerEnvironment(copy);
    }

    /**
     * Returns the value of a variable, accepting the legacy dotted names ({@code os.name}).
     *
     * @throws IllegalArgumentException when the variable is not defined in this environment
     */
    public String value(String name) {
        String key = switch (name) {
            case "os.name" -> "os_name";
            case "sys.platform" -> "sys_platform";
            case "platform.version" -> "platform_version";
            case "platform.machine" -> "platform_machine";
            case "platform.python_implementation", "python_implementation" -> "platform_python_implementation";
            default -> name;
        };
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("marker variable '" + name + "' is not defined");
        }
        return value;
    }
}
