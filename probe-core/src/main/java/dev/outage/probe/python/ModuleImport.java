package dev.outage.probe.python;

import java.util.Objects;

/**
 * How importing one module went.
 *
 * @param module the dotted module name
 * @param ok whether the import succeeded
 * @param file the file the module was loaded from when it imported (null for built-in and
 *     namespace modules), or the file that raised when it failed (null when unknown)
 * @param error the exception type, e.g. {@code ModuleNotFoundError}, or null when ok
 * @param message the exception message, or null when ok
 */
public record ModuleImport(String module, boolean ok, String file, String error, String message) {

    /** Checks that a failed import names its error. */
    public ModuleImport {
        Objects.requireNonNull(module, "module");
        if (!ok && error == null) {
            throw new IllegalArgumentException("failed import of " + module + " has no error type");
        }
    }

    /** Returns one line: {@code ok from FILE} or {@code TYPE: MESSAGE (raised in FILE)}. */
    public String describe() {
        if (ok) {
            return "ok" + (file == null ? "" : " from " + file);
        }
        return error + ": " + message + (file == null ? "" : " (raised in " + file + ")");
    }
}
