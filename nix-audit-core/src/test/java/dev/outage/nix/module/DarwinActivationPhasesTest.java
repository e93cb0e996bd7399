package dev.outage.nix.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DarwinActivationPhasesTest {

    private static DarwinActivationPhases at(String instant) {
        return DarwinActivationPhases.of(new DarwinRevision(Optional.of("abc"), Optional.of(Instant.parse(instant))));
    }

    @Test
    void unknownRevisionUsesTheNewestList() {
        DarwinActivationPhases phases = DarwinActivationPhases.of(DarwinRevision.unknown());

        assertThat(phases.era()).isEqualTo("nix-darwin since 2025-01-30");
        assertThat(phases.runs("openssh")).isTrue();
        assertThat(phases.removed("postUserActivation")).isTrue();
    }

    @Test
    void userHooksWereRemovedOnTheThirtiethOfJanuary2025() {
        assertThat(at("2025-01-29T23:59:59Z").runs("postUserActivation")).isTrue();
        assertThat(at("2025-01-29T23:59:59Z").removed("postUserActivation")).isFalse();
        assertThat(at("2025-01-30T00:00:00Z").runs("postUserActivation")).isFalse();
        assertThat(at("2025-01-30T00:00:00Z").removed("postUserActivation")).isTrue();
    }

    @Test
    void homebrewPhaseArrivedWithTheHomebrewModule() {
        assertThat(at("2021-01-15T12:00:00Z").runs("homebrew")).isFalse();
        assertThat(at("2021-01-16T12:00:00Z").runs("homebrew")).isTrue();
    }

    @Test
    void theScriptsThemselvesAndBuiltInPhasesRunInEveryEra() {
        for (String when : new String[] {"2019-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2026-01-01T00:00:00Z"}) {
            DarwinActivationPhases phases = at(when);
            assertThat(phases.runs("script")).as(when).isTrue();
            assertThat(phases.runs("postActivation")).as(when).isTrue();
            assertThat(phases.runs("extraActivation")).as(when).isTrue();
            assertThat(phases.runs("launchd")).as(when).isTrue();
            assertThat(phases.runs("ollama-restart")).as(when).isFalse();
        }
    }

    @Test
    void revisionDescribesItselfShortly() {
        assertThat(new DarwinRevision(
                                Optional.of("6cb36e8327421c61e5a3bbd08ed63491b616364a"),
                                Optional.of(Instant.parse("2025-04-18T18:13:20Z")))
                        .describe())
                .isEqualTo("6cb36e8 of 2025-04-18");
        assertThat(DarwinRevision.unknown().describe()).isEqualTo("unknown revision");
    }
}
