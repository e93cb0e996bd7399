package dev.outage.nix.syntax;

/** How a path literal is anchored. */
public enum PathKind {
    /** {@code /etc/nixos}. */
    ABSOLUTE,
    /** {@code ./foo} or {@code foo/bar}: resolved against the folder of the file. */
    RELATIVE,
    /** {@code ~/foo}: resolved against {@code $HOME}. */
    HOME
}
