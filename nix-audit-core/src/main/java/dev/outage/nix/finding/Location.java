package dev.outage.nix.finding;

import java.util.Objects;

/**
 * A position in an audited file: the file's path relative to the audited root (with {@code /}
 * separators) and a 1-based line and column.
 *
 * @param file relative path with forward slashes; never empty
 * @param line 1-based line
 * @param column 1-based column, counted in characters
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    /**
     * Validates the location.
     *
     * @throws IllegalArgumentException if {@code file} is blank or a number is below 1
     */
    public Location {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("file must not be blank");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be >= 1, got " + column);
        }
        file = file.replace('\\', '/');
    }

    /** Returns the start of {@code file}: line 1, column 1. */
    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    /** Returns {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
