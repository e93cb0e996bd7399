package dev.outage.alerting.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.model.LabelSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTreeTest {

    private static final String CONFIG = """
            route:
              receiver: default
              group_by: [alertname]
              group_wait: 10s
              routes:
                - matchers: [team="db"]
                  receiver: db
                  continue: true
                  group_by: ['...']
                  routes:
                    - matchers: [severity="page"]
                      receiver: db-pager
                      repeat_interval: 1h
                - match: {team: db}
                  receiver: db-archive
                  group_by: []
                - match_re: {service: "api|web"}
                  receiver: frontend
            receivers:
              - name: default
              - name: db
              - name: db-pager
              - name: db-archive
              - name: frontend
            """;

    private final RouteTree tree = RouteTree.of(load(CONFIG));

    static AlertmanagerConfig load(String yaml) {
        return AlertmanagerConfigLoader.parse(yaml, "test.yml").orElseThrow();
    }

    @Test
    void replacesAMatchingRouteByItsMatchingChildrenAndContinuesAfterContinue() {
        assertThat(tree.receivers(LabelSet.of("team", "db", "severity", "page")))
                .containsExactly("db-pager", "db-archive");
        assertThat(tree.receivers(LabelSet.of("team", "db"))).containsExactly("db", "db-archive");
    }

    @Test
    void fallsBackToTheRootAndSeesMissingLabelsAsEmpty() {
        assertThat(tree.receivers(LabelSet.of("team", "web"))).containsExactly("default");
        assertThat(tree.receivers(LabelSet.empty())).containsExactly("default");
    }

    @Test
    void stopsAtFirstMatchingChildUnlessContinue() {
        assertThat(tree.receivers(LabelSet.of("service", "api"))).containsExactly("frontend");
        assertThat(tree.receivers(LabelSet.of("service", "apiv2"))).containsExactly("default");
    }

    @Test
    void inheritsOptionsAndTreatsEmptyGroupByAsInherit() {
        List<Route> routes = tree.match(LabelSet.of("team", "db", "severity", "page"));
        RouteOptions pager = routes.get(0).options();
        assertThat(pager.groupByAll()).isTrue();
        assertThat(pager.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pager.repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(pager.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        RouteOptions archive = routes.get(1).options();
        assertThat(archive.groupBy()).containsExactly("alertname");
        assertThat(archive.groupByAll()).isFalse();
    }

    @Test
    void givesAlertmanagersRouteKeys() {
        List<Route> routes = tree.match(LabelSet.of("team", "db", "severity", "page", "service", "web"));
        assertThat(routes)
                .extracting(Route::key)
                .containsExactly("{}/{team=\"db\"}/{severity=\"page\"}", "{}/{team=\"db\"}");
        assertThat(routes.get(1).id()).isEqualTo("{}/{team=\"db\"}/1");
        assertThat(tree.routes().get(4).key()).isEqualTo("{}/{service=~\"^(?:api|web)$\"}");
    }
}
