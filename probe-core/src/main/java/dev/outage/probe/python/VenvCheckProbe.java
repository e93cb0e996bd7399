package dev.outage.probe.python;

import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs {@link VenvInspector} as a probe: requirements like {@code pip check}, RECORD integrity,
 * duplicate installs and user-site shadowing, without starting Python.
 *
 * <pre>{@code
 * ProbeResult result = new VenvCheckProbe(VenvInspector.forVenv(Path.of("/srv/app/venv"))).probe();
 * }</pre>
 *
 * <p>It reads files only, so it has no timeout of its own; it ends when the disk has been read.
 */
public final class VenvCheckProbe implements Probe {

    private final VenvInspector inspector;
    private final Path venv;

    /** Returns a probe running the inspector. */
    public VenvCheckProbe(VenvInspector inspector) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.venv = inspector.venv();
    }

    /** Returns a probe of the venv with the default inspector settings. */
    public static VenvCheckProbe of(Path venv) {
        return new VenvCheckProbe(VenvInspector.forVenv(venv));
    }

    @Override
    public String describe() {
        return "venv-check " + venv;
    }

    @Override
    public ProbeResult probe() {
        ResultBuilder result = new ResultBuilder("venv-check", venv.toString());
        VenvInspection inspection;
        try {
            inspection = inspector.inspect();
        } catch (IOException e) {
            String cause = "cannot read venv: " + e.getMessage();
            result.problem(ProbeRules.VENV_BROKEN_REQUIREMENT, venv.toString(), cause);
            return result.build(ProbeStatus.ERROR, cause);
        }
        result.fact("python", String.valueOf(inspection.config().version()))
                .fact("site-packages", inspection.sitePackages())
                .fact("distributions", inspection.distributions().size())
                .fact("include-system-site-packages", inspection.config().includeSystemSitePackages());
        inspection.problems().forEach(p -> result.problem(p.ruleId(), p.subject(), p.message()));
        return result.finish(
                inspection.distributions().size() + " distributions, no broken requirements, RECORDs match");
    }
}
