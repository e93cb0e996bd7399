package dev.outage.alerting.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherSyntax;
import dev.outage.alerting.model.Matchers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes random label sets through random valid configs with outage and with the real
 * {@code amtool config routes test}, and requires the same receivers every time.
 *
 * <p>Size and seed: {@code -Doutage.differential.configs=N} (default 40),
 * {@code -Doutage.differential.queries=N} per config (default 25),
 * {@code -Doutage.differential.seed=S} (default 20260101).
 */
class RoutingDifferentialTest {

    private static final int CONFIGS = Integer.getInteger("outage.differential.configs", 40);
    private static final int QUERIES = Integer.getInteger("outage.differential.queries", 25);
    private static final long SEED = Long.getLong("outage.differential.seed", 20260101L);

    @TempDir
    Path dir;

    @Test
    void routesEveryQueryToTheSameReceiversAsAmtool() throws IOException {
        Amtool amtool = Amtool.find();
        List<String> differences = new ArrayList<>();
        int queries = 0;
        for (int c = 0; c < CONFIGS; c++) {
            long seed = SEED + c;
            String yaml = RandomRoutingConfig.generate(seed);
            Path file = dir.resolve("config-" + seed + ".yml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            ConfigLoadResult result = AlertmanagerConfigLoader.load(file);
            Amtool.Run check = amtool.checkConfig(file);
            assertThat(result.isLoaded())
                    .as("seed %d loads in outage as in amtool (%s)%n%s", seed, result, yaml)
                    .isEqualTo(check.exitCode() == 0);
            if (!result.isLoaded()) {
                continue;
            }
            RouteTree tree = RouteTree.of(result.orElseThrow());
            Random random = new Random(seed * 31);
            for (int q = 0; q < QUERIES; q++) {
                List<String> args = RandomRoutingConfig.labels(random);
                String ours = String.join(",", tree.receivers(labelsOf(args)));
                Amtool.Run theirs = amtool.routesTest(file, args);
                queries++;
                if (theirs.exitCode() != 0 || !theirs.stdout().strip().equals(ours)) {
                    differences.add("seed " + seed + " labels " + args + ": outage '" + ours + "', amtool '"
                            + theirs.stdout().strip() + "' (exit " + theirs.exitCode() + ")");
                }
            }
        }
        assertThat(queries).isGreaterThan(CONFIGS);
        assertThat(differences).as("differences in %d queries", queries).isEmpty();
    }

    /** Reads label arguments as amtool does: each a classic equality matcher. */
    static LabelSet labelsOf(List<String> args) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String arg : args) {
            Matcher m = Matchers.parseOne(arg, MatcherSyntax.CLASSIC);
            labels.put(m.name(), m.value());
        }
        return LabelSet.of(labels);
    }
}
