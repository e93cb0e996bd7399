package dev.outage.probe.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays captured-format outputs of systemctl and launchctl through an injected runner and clock. */
class CrashLoopProbeTest {

    /** A clock a test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-04-23T10:15:10Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();
    final List<List<String>> commands = new ArrayList<>();

    private CommandRunner replaying(String... outputs) {
        Deque<String> queue = new ArrayDeque<>(List.of(outputs));
        return invocation -> {
            commands.add(invocation.command());
            return new CommandRunner.Output(0, queue.removeFirst(), "", false);
        };
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CrashLoopProbeTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void systemdUnitInAutoRestartAfterManyRestartsIsACrashLoop() throws IOException {
        CrashLoopProbe probe = CrashLoopProbe.systemd("open-webui.service", false)
                .runner(replaying(resource("systemctl-show-crash-looping.txt")))
                .clock(clock)
                .build();

        ProbeResult result = probe.probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo(ProbeRules.CRASH_LOOP);
            assertThat(p.message())
                    .contains("restarted 43 times")
                    .contains("activating/auto-restart")
                    .endsWith("last exit: status 1");
        });
        assertThat(result.facts()).containsEntry("up-for-seconds", "19");
        assertThat(commands.get(0))
                .startsWith("systemctl", "show", "open-webui.service")
                .anySatisfy(arg -> assertThat(arg).startsWith("--property=").contains("NRestarts"));
    }

    @Test
    void healthyAndLongAgoRestartedUnitsPass() throws IOException {
        CrashLoopProbe healthy = CrashLoopProbe.systemd("open-webui.service", true)
                .runner(replaying(resource("systemctl-show-healthy.txt")))
                .clock(clock)
                .build();
        CrashLoopProbe old = CrashLoopProbe.systemd("open-webui.service", false)
                .runner(replaying(resource("systemctl-show-restarted-long-ago.txt")))
                .clock(clock)
                .build();

        assertThat(healthy.probe().status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(commands.get(0)).contains("--user");
        ProbeResult result = old.probe();
        assertThat(result.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.facts()).containsEntry("restarts", "12");
    }

    @Test
    void systemdGivingUpIsACrashLoopEvenOnTheFirstLook() throws IOException {
        ProbeResult result = CrashLoopProbe.systemd("open-webui.service", false)
                .runner(replaying(resource("systemctl-show-start-limit-hit.txt")))
                .clock(clock)
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.cause()).contains("gave up restarting it after 5 restarts (start-limit-hit)");
    }

    @Test
    void anUnknownUnitIsAnErrorNamingIt() throws IOException {
        ProbeResult result = CrashLoopProbe.systemd("nope.service", false)
                .runner(replaying(resource("systemctl-show-not-found.txt")))
                .clock(clock)
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(result.cause()).contains("nope.service is not loaded");
    }

    @Test
    void restartsGrowingWithinTheWindowAreACrashLoopOnTheSecondLook() throws IOException {
        String seven = resource("launchctl-print-running-after-restarts.txt");
        String twelve = seven.replace("\truns = 7\n", "\truns = 12\n");
        String later = seven.replace("\truns = 7\n", "\truns = 13\n");
        CrashLoopProbe probe = CrashLoopProbe.launchd("gui/501/org.openwebui")
                .runner(replaying(seven, twelve, later))
                .clock(clock)
                .maxRestarts(3)
                .window(Duration.ofMinutes(10))
                .build();

        ProbeResult first = probe.probe();
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        ProbeResult second = probe.probe();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        ProbeResult third = probe.probe();

        assertThat(first.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(second.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(second.cause()).contains("5 restarts within 180 s (allowed 3 within 600 s)");
        assertThat(third.status()).as("the earlier looks left the window").isEqualTo(ProbeStatus.PASSED);
        assertThat(commands.get(0)).containsExactly("launchctl", "print", "gui/501/org.openwebui");
    }

    @Test
    void launchdJobWaitingToRespawnAfterAFailedExitIsACrashLoop() throws IOException {
        ProbeResult looping = CrashLoopProbe.launchd("gui/501/org.openwebui")
                .runner(replaying(resource("launchctl-print-crash-looping.txt")))
                .clock(clock)
                .build()
                .probe();
        ProbeResult healthy = CrashLoopProbe.launchd("gui/501/org.openwebui")
                .runner(replaying(resource("launchctl-print-healthy.txt")))
                .clock(clock)
                .build()
                .probe();

        assertThat(looping.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(looping.cause())
                .contains("restarted 44 times")
                .contains("spawn scheduled")
                .contains("status 1");
        assertThat(healthy.status()).isEqualTo(ProbeStatus.PASSED);
        assertThat(healthy.facts()).containsEntry("state", "running").doesNotContainKey("last-exit");
    }

    @Test
    void aHangingServiceManagerEndsAtTheTimeoutWithTheRealRunner() {
        ProbeResult result = CrashLoopProbe.launchd("gui/501/org.openwebui")
                .runner(invocation -> CommandRunner.system()
                        .run(new CommandRunner.Invocation(
                                List.of("sleep", "30"), null, null, null, invocation.timeout())))
                .timeout(Duration.ofMillis(500))
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aMissingServiceManagerIsAnErrorNotAnException() {
        ProbeResult result = CrashLoopProbe.launchd("gui/501/org.openwebui")
                .runner(invocation -> {
                    throw new IOException("Cannot run program \"launchctl\": error=2, No such file or directory");
                })
                .build()
                .probe();

        assertThat(result.status()).isEqualTo(ProbeStatus.ERROR);
        assertThat(result.cause()).contains("cannot run launchctl");
    }

    @Test
    void rejectsServiceNamesThatCouldBeOptions() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrashLoopProbe.systemd("--all", false))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrashLoopProbe.launchd("gui/501/a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
