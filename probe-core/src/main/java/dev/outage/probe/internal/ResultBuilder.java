package dev.outage.probe.internal;

import dev.outage.probe.ProbeProblem;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects problems and facts while a probe runs and times it from construction. */
public final class ResultBuilder {

    private final String probe;
    private final String target;
    private final long startNanos = System.nanoTime();
    private final List<ProbeProblem> problems = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    public ResultBuilder(String probe, String target) {
        this.probe = probe;
        this.target = target;
    }

    public ResultBuilder problem(String ruleId, String subject, String message) {
        problems.add(new ProbeProblem(ruleId, subject, message));
        return this;
    }

    public ResultBuilder fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
        return this;
    }

    public List<ProbeProblem> problems() {
        return List.copyOf(problems);
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Returns PASSED with the summary when no problem was added, else FAILED with the first problem. */
    public ProbeResult finish(String passedSummary) {
        if (problems.isEmpty()) {
            return build(ProbeStatus.PASSED, passedSummary);
        }
        String first = problems.get(0).subject() + ": " + problems.get(0).message();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return build(ProbeStatus.FAILED, first + more);
    }

    /** Returns a result with the given status and cause, keeping the problems found so far. */
    public ProbeResult build(ProbeStatus status, String cause) {
        List<ProbeProblem> kept = status == ProbeStatus.PASSED ? List.of() : problems;
        return new ProbeResult(probe, target, status, cause, elapsed(), kept, facts);
    }
}
