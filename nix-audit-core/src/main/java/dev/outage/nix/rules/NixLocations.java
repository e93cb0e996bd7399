package dev.outage.nix.rules;

import dev.outage.nix.finding.Location;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.syntax.SourceRange;

/** Turns source ranges of a module's file into finding locations. */
final class NixLocations {

    private NixLocations() {}

    static Location of(NixModule module, SourceRange range) {
        return new Location(module.file(), range.line(), range.column());
    }

    static Location of(String file, SourceRange range) {
        return new Location(file, range.line(), range.column());
    }
}
