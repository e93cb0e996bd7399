package dev.outage.alerting.route;

import dev.outage.alerting.config.SourcePosition;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.Matchers;
import java.util.List;
import java.util.Optional;

/**
 * One node of a {@link RouteTree}: its matchers (legacy {@code match}/{@code match_re} and
 * {@code matchers} together, sorted as Alertmanager sorts them), its effective options and its
 * children. Immutable and thread-safe.
 */
public final class Route {

    private final Route parent;
    private final int index;
    private final List<Matcher> matchers;
    private final Matcher[] evaluationOrder;
    private int[] labelIndexes;
    private final boolean continueMatching;
    private final RouteOptions options;
    private final SourcePosition position;
    private final String key;
    private List<Route> children = List.of();

    Route(
            Route parent,
            int index,
            List<Matcher> matchers,
            boolean continueMatching,
            RouteOptions options,
            SourcePosition position) {
        this.parent = parent;
        this.index = index;
        this.matchers = Matchers.sorted(matchers);
        this.evaluationOrder = Matchers.inEvaluationOrder(matchers).toArray(Matcher[]::new);
        this.continueMatching = continueMatching;
        this.options = options;
        this.position = position;
        String own = Matchers.toString(this.matchers);
        this.key = parent == null ? own : parent.key + "/" + own;
    }

    void children(List<Route> children) {
        this.children = List.copyOf(children);
    }

    /** Assigns each matcher the slot of its label in the value arrays {@link RouteTree} builds. */
    void indexLabels(java.util.Map<String, Integer> slots) {
        labelIndexes = new int[evaluationOrder.length];
        for (int i = 0; i < evaluationOrder.length; i++) {
            labelIndexes[i] = slots.computeIfAbsent(evaluationOrder[i].name(), name -> slots.size());
        }
    }

    /** Tests the matchers against label values by slot (missing labels are empty strings). */
    boolean matches(String[] values) {
        for (int i = 0; i < evaluationOrder.length; i++) {
            if (!evaluationOrder[i].matches(values[labelIndexes[i]])) {
                return false;
            }
        }
        return true;
    }

    /** Returns the matchers, sorted by name, value and operator. */
    public List<Matcher> matchers() {
        return matchers;
    }

    /** Returns whether siblings after this route are tried when it matches. */
    public boolean continueMatching() {
        return continueMatching;
    }

    /** Returns the effective options. */
    public RouteOptions options() {
        return options;
    }

    /** Returns the child routes in order. */
    public List<Route> children() {
        return children;
    }

    /** Returns the parent, or empty for the root. */
    public Optional<Route> parent() {
        return Optional.ofNullable(parent);
    }

    /** Returns where the route is written in the configuration file. */
    public SourcePosition position() {
        return position;
    }

    /** Returns whether this route's own matchers match the labels (the parents' are not tested). */
    public boolean matches(LabelSet labels) {
        for (Matcher matcher : evaluationOrder) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns Alertmanager's route key: the matchers of each route from the root down, joined by
     * {@code /}, such as <code>{}/{severity="page"}</code>. Alertmanager uses it to name
     * aggregation groups; two routes with the same matchers under the same path share it.
     */
    public String key() {
        return key;
    }

    /**
     * Returns Alertmanager's route id: the key followed by {@code /} and the route's position
     * among its siblings (nothing for the root); unique within a tree.
     */
    public String id() {
        return parent == null ? key : key + "/" + index;
    }

    @Override
    public String toString() {
        return key + " receiver=" + options.receiver();
    }
}
