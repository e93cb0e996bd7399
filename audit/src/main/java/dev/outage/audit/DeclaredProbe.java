package dev.outage.audit;

import dev.outage.probe.spec.ProbeSpec;
import java.util.Objects;

/**
 * A live probe declared in {@code outage.yml}, with where it is declared so that its findings
 * point there.
 *
 * @param spec the probe declaration
 * @param line 1-based line of the declaration in {@code outage.yml}
 * @param column 1-based column of the declaration
 */
public record DeclaredProbe(ProbeSpec spec, int line, int column) {

    /**
     * Validates the declaration.
     *
     * @throws IllegalArgumentException if a position is below 1
     */
    public DeclaredProbe {
        Objects.requireNonNull(spec, "spec");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position " + line + ":" + column);
        }
    }
}
