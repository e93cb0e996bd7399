package dev.outage.cli;

import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherSyntax;
import dev.outage.alerting.model.MatcherSyntaxException;
import dev.outage.alerting.model.MatcherType;
import dev.outage.alerting.model.Matchers;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage routes}: the routing tree of an alertmanager.yml, like {@code amtool config routes}. */
@Command(
        name = "routes",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows how Alertmanager routes alerts; see the 'test' subcommand.",
        subcommands = {RoutesCommand.Test.class})
final class RoutesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static MatcherSyntax syntax(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "classic" -> MatcherSyntax.CLASSIC;
            case "utf8", "utf-8" -> MatcherSyntax.UTF8;
            default -> throw CliException.usage("unknown matcher syntax '" + name + "' (expected classic or utf8)");
        };
    }

    /** {@code outage routes test}: prints the receivers a label set routes to. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Prints the receivers an alert with the given labels is routed to, comma-separated in tree"
                        + " order, as 'amtool config routes test' does.",
                "Exit 0: routed (and as expected with --verify.receivers); 1: invalid configuration or"
                        + " unexpected receivers; 2: bad usage or unreadable file."
            })
    static final class Test implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--config.file",
                paramLabel = "FILE",
                required = true,
                description = "alertmanager.yml to test.")
        Path configFile;

        @Option(
                names = "--verify.receivers",
                paramLabel = "A,B",
                description = "Fails (exit 1) unless the receivers are exactly these, in this order.")
        String expectedReceivers;

        @Option(names = "--tree", description = "Prints the path through the routing tree first.")
        boolean tree;

        @Option(
                names = "--matchers",
                paramLabel = "SYNTAX",
                defaultValue = "classic",
                description =
                        "Syntax of matchers: strings: classic (Alertmanager 0.25) or utf8 (default: ${DEFAULT-VALUE}).")
        String matchers;

        @Parameters(
                paramLabel = "K=V",
                description = "Labels of the alert, as amtool reads them (name=value or name=\"value\").")
        List<String> labels = new ArrayList<>();

        @Override
        public Integer call() {
            RouteTree routes = load();
            LabelSet labelSet = parseLabels(labels);
            PrintWriter out = spec.commandLine().getOut();
            if (tree) {
                printMatchingTree(out, routes, labelSet);
            }
            String receivers = String.join(",", routes.receivers(labelSet));
            out.println(receivers);
            out.flush();
            if (expectedReceivers != null && !expectedReceivers.isEmpty() && !expectedReceivers.equals(receivers)) {
                out.println("WARNING: Expected receivers did not match resolved receivers.");
                out.flush();
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }

        private RouteTree load() {
            ConfigLoadResult result;
            try {
                result = AlertmanagerConfigLoader.load(configFile, syntax(matchers));
            } catch (IOException e) {
                throw CliException.usage(e.getMessage());
            }
            if (result instanceof ConfigLoadResult.Rejected rejected) {
                throw new CliException(
                        ExitCodes.FAILED, rejected.errors().get(0).toString());
            }
            return RouteTree.of(result.orElseThrow());
        }

        /** Reads labels as amtool 0.25 does: each argument is one classic equality matcher. */
        static LabelSet parseLabels(List<String> arguments) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String argument : arguments) {
                Matcher matcher;
                try {
                    matcher = Matchers.parseOne(argument, MatcherSyntax.CLASSIC);
                } catch (MatcherSyntaxException e) {
                    throw CliException.usage("Failed to parse labels: " + e.getMessage());
                }
                if (matcher.type() != MatcherType.EQUAL) {
                    throw CliException.usage("Labels must be specified as key=value pairs");
                }
                labels.put(matcher.name(), matcher.value());
            }
            return LabelSet.of(labels);
        }

        /** Prints the path through the tree in the shape amtool prints it (a treeprint tree). */
        private static void printMatchingTree(PrintWriter out, RouteTree routes, LabelSet labels) {
            StringBuilder text = new StringBuilder(".\n");
            List<String> lines = new ArrayList<>();
            branch(routes.root(), labels, lines, "", true);
            lines.forEach(line -> text.append(line).append('\n'));
            out.println("Matching routes:");
            out.println(text);
            out.print("\n");
        }

        private static void branch(Route route, LabelSet labels, List<String> lines, String indent, boolean last) {
            int at = lines.size();
            lines.add(null);
            String childIndent = indent + (last ? "    " : "│   ");
            List<Route> matched = new ArrayList<>();
            for (Route child : route.children()) {
                if (child.matches(labels)) {
                    matched.add(child);
                    if (!child.continueMatching()) {
                        break;
                    }
                }
            }
            for (int i = 0; i < matched.size(); i++) {
                branch(matched.get(i), labels, lines, childIndent, i == matched.size() - 1);
            }
            String slug = route.matchers().isEmpty() ? "default-route" : Matchers.toString(route.matchers());
            if (matched.isEmpty()) {
                slug += "  receiver: " + route.options().receiver();
            }
            lines.set(at, indent + (last ? "└── " : "├── ") + slug);
        }
    }
}
