package dev.outage.alerting.config.internal;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.GlobalConfig;
import dev.outage.alerting.config.HostPort;
import dev.outage.alerting.config.InhibitRule;
import dev.outage.alerting.config.NamedTimeInterval;
import dev.outage.alerting.config.PrometheusDuration;
import dev.outage.alerting.config.Receiver;
import dev.outage.alerting.config.RouteConfig;
import dev.outage.alerting.config.Secret;
import dev.outage.alerting.config.SourcePosition;
import dev.outage.alerting.config.TimeInterval;
import dev.outage.alerting.config.TlsConfig;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherSyntax;
import dev.outage.alerting.model.MatcherSyntaxException;
import dev.outage.alerting.model.MatcherType;
import dev.outage.alerting.model.Matchers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a YAML document into an {@link AlertmanagerConfig}, validating it as Alertmanager 0.25
 * does and with its messages. Not thread-safe; use one instance per document.
 */
public final class ConfigDecoder {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String PLAIN = "config.plain";

    private static final Set<String> TOP_FIELDS = Set.of(
            "global", "route", "inhibit_rules", "receivers", "templates", "mute_time_intervals", "time_intervals");
    private static final Set<String> GLOBAL_FIELDS = Set.of(
            "resolve_timeout",
            "http_config",
            "smtp_from",
            "smtp_hello",
            "smtp_smarthost",
            "smtp_auth_username",
            "smtp_auth_password",
            "smtp_auth_password_file",
            "smtp_auth_secret",
            "smtp_auth_identity",
            "smtp_require_tls",
            "slack_api_url",
            "slack_api_url_file",
            "pagerduty_url",
            "opsgenie_api_url",
            "opsgenie_api_key",
            "opsgenie_api_key_file",
            "wechat_api_url",
            "wechat_api_secret",
            "wechat_api_corp_id",
            "victorops_api_url",
            "victorops_api_key",
            "victorops_api_key_file",
            "telegram_api_url",
            "webex_api_url");
    private static final Set<String> ROUTE_FIELDS = Set.of(
            "receiver",
            "group_by",
            "match",
            "match_re",
            "matchers",
            "mute_time_intervals",
            "active_time_intervals",
            "continue",
            "routes",
            "group_wait",
            "group_interval",
            "repeat_interval");
    private static final Set<String> EMAIL_FIELDS = Set.of(
            "send_resolved",
            "to",
            "from",
            "hello",
            "smarthost",
            "auth_username",
            "auth_password",
            "auth_password_file",
            "auth_secret",
            "auth_identity",
            "headers",
            "html",
            "text",
            "require_tls",
            "tls_config");
    private static final Set<String> TLS_FIELDS = Set.of(
            "ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify", "min_version", "max_version");
    private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");
    private static final Set<String> INHIBIT_FIELDS = Set.of(
            "source_match",
            "source_match_re",
            "source_matchers",
            "target_match",
            "target_match_re",
            "target_matchers",
            "equal");
    private static final Set<String> NAMED_INTERVAL_FIELDS = Set.of("name", "time_intervals");
    private static final Set<String> INTERVAL_FIELDS =
            Set.of("times", "weekdays", "days_of_month", "months", "years", "location");
    private static final Set<String> TIME_RANGE_FIELDS = Set.of("start_time", "end_time");
    private final Problems problems;
    private final MatcherSyntax syntax;
    private final Path baseDirectory;
    private final String file;

    private ConfigDecoder(String file, MatcherSyntax syntax, Path baseDirectory) {
        this.file = file;
        this.problems = new Problems(file);
        this.syntax = syntax;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Decodes and validates the YAML text.
     *
     * @param file the file name for error messages
     * @param baseDirectory the directory relative template paths are resolved against, or null
     */
    public static ConfigLoadResult decode(String text, String file, MatcherSyntax syntax, Path baseDirectory) {
        return new ConfigDecoder(file, syntax, baseDirectory).decode(text);
    }

    /**
     * Returns the error for text that the YAML reader refused, in Go's words. One case is valid YAML
     * that the reader cannot represent: a mapping used as a key, which is what an unquoted Go
     * template such as {@code text: {{ .CommonAnnotations.summary }}} is. Go reads it and then fails
     * to put a mapping into the string field, so that is what is reported, at the template.
     */
    private ConfigError syntaxError(String text, YamlSyntaxException e) {
        if (e.getMessage().startsWith("Expected a property name")) {
            List<String> lines = text.lines().toList();
            String line = e.line() <= lines.size() ? lines.get(e.line() - 1) : "";
            int template = line.lastIndexOf("{{", Math.max(0, e.column() - 1));
            int end = template < 0 ? -1 : line.indexOf("}}", template);
            if (end >= 0) {
                String rest = line.substring(end + 2).strip();
                if (rest.isEmpty() || rest.startsWith("#")) {
                    return new ConfigError(
                            file, new SourcePosition(e.line(), template + 1, ""), "cannot unmarshal !!map into string");
                }
                // Text after the closing braces ("{{ .ExternalURL }}/x"): Go's parser stops there.
                return new ConfigError(
                        file,
                        new SourcePosition(e.line(), end + 3, ""),
                        "yaml: line " + Math.max(1, e.line() - 1) + ": did not find expected key");
            }
        }
        int problemLine = GoYamlErrors.problemLine(e.getMessage(), e.line());
        return new ConfigError(
                file,
                new SourcePosition(problemLine, GoYamlErrors.problemColumn(e.getMessage(), e.column()), ""),
                GoYamlErrors.message(e.getMessage(), problemLine));
    }

    private ConfigLoadResult decode(String text) {
        YamlNode root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            return new ConfigLoadResult.Rejected(List.of(syntaxError(text, e)));
        }
        Document doc = document(root);
        if (problems.hasErrors()) {
            return new ConfigLoadResult.Rejected(problems.errors());
        }
        validate(doc, root);
        if (problems.hasErrors()) {
            return new ConfigLoadResult.Rejected(problems.errors());
        }
        return new ConfigLoadResult.Loaded(new AlertmanagerConfig(
                doc.global,
                doc.route,
                doc.inhibitRules,
                doc.receivers,
                doc.templates,
                doc.muteTimeIntervals,
                doc.timeIntervals,
                problems.positions()));
    }

    /** The decoded sections before the cross-checks. */
    private static final class Document {
        GlobalConfig global = GlobalConfig.defaults();
        Map<String, YamlNode> globalNodes = Map.of();
        RouteConfig route;
        YamlNode routeNode;
        List<InhibitRule> inhibitRules = List.of();
        List<RawReceiver> rawReceivers = List.of();
        List<Receiver> receivers = List.of();
        List<String> templates = List.of();
        List<NamedTimeInterval> muteTimeIntervals = List.of();
        List<NamedTimeInterval> timeIntervals = List.of();
    }

    /** A receiver before the global defaults are applied to its email configs. */
    private record RawReceiver(
            String name,
            YamlNode node,
            List<RawEmail> emails,
            Map<String, List<Map<String, Object>>> others,
            SourcePosition position) {}

    /** An email config as written, with the nodes of its fields. */
    private record RawEmail(String path, YamlNode node, Map<String, YamlNode.Entry> fields) {}

    // ---------------------------------------------------------------- sections

    private Document document(YamlNode root) {
        Document doc = new Document();
        Map<String, YamlNode.Entry> fields = fields(root, "", PLAIN, TOP_FIELDS);
        if (fields == null) {
            return doc;
        }
        YamlNode.Entry global = fields.get("global");
        if (global != null) {
            doc.global = global(global.value(), "global", doc);
        }
        YamlNode.Entry route = fields.get("route");
        if (route != null && !isNull(route.value())) {
            doc.routeNode = route.value();
            doc.route = route(route.value(), "route");
        }
        YamlNode.Entry inhibit = fields.get("inhibit_rules");
        if (inhibit != null) {
            doc.inhibitRules = list(inhibit.value(), "inhibit_rules", "[]*config.InhibitRule", this::inhibitRule);
        }
        YamlNode.Entry receivers = fields.get("receivers");
        if (receivers != null) {
            doc.rawReceivers = list(receivers.value(), "receivers", "[]*config.Receiver", this::receiver);
        }
        YamlNode.Entry templates = fields.get("templates");
        if (templates != null) {
            List<String> raw = stringList(templates.value(), "templates");
            doc.templates = raw == null
                    ? List.of()
                    : raw.stream().map(this::resolvePath).toList();
        }
        YamlNode.Entry mute = fields.get("mute_time_intervals");
        if (mute != null) {
            doc.muteTimeIntervals = list(
                    mute.value(),
                    "mute_time_intervals",
                    "[]config.MuteTimeInterval",
                    (n, p) -> namedInterval(n, p, "missing name in mute time interval"));
        }
        YamlNode.Entry intervals = fields.get("time_intervals");
        if (intervals != null) {
            doc.timeIntervals = list(
                    intervals.value(),
                    "time_intervals",
                    "[]config.TimeInterval",
                    (n, p) -> namedInterval(n, p, "missing name in time interval"));
        }
        return doc;
    }

    private String resolvePath(String path) {
        if (baseDirectory == null || path.isEmpty() || Path.of(path).isAbsolute()) {
            return path;
        }
        return baseDirectory.resolve(path).toString();
    }

    private GlobalConfig global(YamlNode node, String path, Document doc) {
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, GLOBAL_FIELDS);
        GlobalConfig defaults = GlobalConfig.defaults();
        if (f == null) {
            return defaults;
        }
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        f.forEach((k, v) -> nodes.put(k, v.value()));
        doc.globalNodes = nodes;
        Duration resolveTimeout = optionalDuration(f, "resolve_timeout", path);
        HostPort smarthost = hostPort(f, "smtp_smarthost", path);
        Map<String, Object> others = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode.Entry> e : f.entrySet()) {
            if (!e.getKey().startsWith("smtp_") && !e.getKey().equals("resolve_timeout")) {
                String childPath = path + "." + e.getKey();
                if (IntegrationRules.SECRET_FIELDS.contains(e.getKey())) {
                    string(e.getValue().value(), childPath, PLAIN);
                } else if (!e.getKey().equals("http_config")) {
                    string(e.getValue().value(), childPath);
                }
                Object value = raw(e.getValue().value(), childPath);
                boolean secret = IntegrationRules.SECRET_KEYS.contains(e.getKey());
                others.put(
                        e.getKey(),
                        secret && value instanceof String text && !text.isEmpty() ? Secret.of(text) : value);
            }
        }
        validateUrl(f, "slack_api_url", path);
        for (String key : List.of(
                "pagerduty_url",
                "opsgenie_api_url",
                "wechat_api_url",
                "victorops_api_url",
                "telegram_api_url",
                "webex_api_url")) {
            validateUrl(f, key, path);
        }
        return new GlobalConfig(
                resolveTimeout == null ? defaults.resolveTimeout() : resolveTimeout,
                string(f, "smtp_from", path, ""),
                string(f, "smtp_hello", path, defaults.smtpHello()),
                smarthost,
                string(f, "smtp_auth_username", path, ""),
                secret(f, "smtp_auth_password", path),
                string(f, "smtp_auth_password_file", path, ""),
                secret(f, "smtp_auth_secret", path),
                string(f, "smtp_auth_identity", path, ""),
                bool(f, "smtp_require_tls", path, true),
                others);
    }

    private void validateUrl(Map<String, YamlNode.Entry> f, String key, String path) {
        YamlNode.Entry e = f.get(key);
        if (e == null || isNull(e.value())) {
            return;
        }
        String text = string(e.value(), path + "." + key);
        if (text == null) {
            return;
        }
        boolean secret = key.equals("webhook_url")
                || key.equals("slack_api_url")
                || path.contains("slack_configs")
                || path.contains("webhook_configs");
        String problem = urlProblem(text, secret ? "<secret>" : text);
        if (problem != null) {
            problems.error(e.value(), path + "." + key, problem);
        }
    }

    /**
     * Returns Alertmanager's complaint about a URL, or null when it is an http(s) URL with a host.
     * Parse errors quote the URL as Go does, unless it is secret ({@code shown} is then a mask).
     */
    static String urlProblem(String text, String shown) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) == 0x7f) {
                return "parse \"" + shown + "\": net/url: invalid control character in URL";
            }
        }
        String scheme = "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean later = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (letter || (i > 0 && later)) {
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return "parse \"" + shown + "\": missing protocol scheme";
                }
                scheme = text.substring(0, i).toLowerCase(Locale.ROOT);
            }
            break;
        }
        if (scheme.isEmpty()) {
            int slash = text.indexOf('/');
            int colon = text.indexOf(':');
            if (colon >= 0 && (slash < 0 || colon < slash)) {
                return "parse \"" + shown + "\": first path segment in URL cannot contain colon";
            }
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "unsupported scheme \"" + scheme + "\" for URL";
        }
        String rest = text.substring(scheme.length() + 1);
        if (!rest.startsWith("//")) {
            return "missing host for URL";
        }
        rest = rest.substring(2);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int portColon =
                host.startsWith("[") ? host.indexOf(':', Math.max(0, host.indexOf(']'))) : host.lastIndexOf(':');
        if (portColon >= 0 && !host.substring(portColon + 1).chars().allMatch(Character::isDigit)) {
            return "parse \"" + shown + "\": invalid port \"" + host.substring(portColon) + "\" after host";
        }
        if (host.isEmpty()) {
            return "missing host for URL";
        }
        return null;
    }

    private RouteConfig route(YamlNode node, String path) {
        if (isNull(node) && !path.equals("route")) {
            // Alertmanager 0.25 crashes on a null child route; reject it instead.
            problems.error(node, path, "empty route in routes list");
        }
        int mark = problems.typeErrorMark();
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, ROUTE_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        String receiver = string(f, "receiver", path, "");
        List<String> groupBy =
                f.containsKey("group_by") ? stringList(f.get("group_by").value(), path + ".group_by") : null;
        Map<String, String> match = labelMap(f.get("match"), path + ".match", "map[string]string");
        Map<String, String> matchRe = labelMap(f.get("match_re"), path + ".match_re", PLAIN);
        checkRegexes(f.get("match_re"), matchRe, path + ".match_re");
        List<Matcher> matchers = matcherList(f.get("matchers"), path + ".matchers");
        List<String> mute = stringListOrEmpty(f.get("mute_time_intervals"), path + ".mute_time_intervals");
        List<String> active = stringListOrEmpty(f.get("active_time_intervals"), path + ".active_time_intervals");
        boolean continueMatching = bool(f, "continue", path, false);
        List<RouteConfig> routes = f.containsKey("routes")
                ? list(f.get("routes").value(), path + ".routes", "[]*config.Route", this::route)
                : List.of();
        Duration groupWait = optionalDuration(f, "group_wait", path);
        Duration groupInterval = optionalDuration(f, "group_interval", path);
        Duration repeatInterval = optionalDuration(f, "repeat_interval", path);
        boolean decoded = problems.noTypeErrorsSince(mark);
        if (decoded) {
            validateGroupBy(f.get("group_by"), groupBy, path + ".group_by");
        }
        if (decoded && groupInterval != null && groupInterval.isZero()) {
            problems.error(f.get("group_interval").value(), path + ".group_interval", "group_interval cannot be zero");
        }
        if (decoded && repeatInterval != null && repeatInterval.isZero()) {
            problems.error(
                    f.get("repeat_interval").value(), path + ".repeat_interval", "repeat_interval cannot be zero");
        }
        return new RouteConfig(
                receiver,
                groupBy,
                match,
                matchRe,
                matchers,
                mute,
                active,
                continueMatching,
                routes,
                groupWait,
                groupInterval,
                repeatInterval,
                problems.position(node, path));
    }

    private void validateGroupBy(YamlNode.Entry entry, List<String> groupBy, String path) {
        if (groupBy == null) {
            return;
        }
        List<YamlNode> items = entry.value() instanceof YamlNode.Sequence s ? s.items() : List.of();
        boolean all = false;
        Set<String> seen = new HashSet<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            String label = groupBy.get(i);
            YamlNode at = i < items.size() ? items.get(i) : entry.value();
            if (label.equals("...")) {
                all = true;
            } else if (!LABEL_NAME.matcher(label).matches()) {
                problems.error(at, path + "[" + i + "]", "invalid label name \"" + label + "\" in group_by list");
                return;
            } else {
                labels.add(label);
            }
        }
        if (all && !labels.isEmpty()) {
            problems.error(
                    entry.value(),
                    path,
                    "cannot have wildcard group_by (`...`) and other other labels at the same time");
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!seen.add(labels.get(i))) {
                problems.error(entry.value(), path, "duplicated label \"" + labels.get(i) + "\" in group_by");
                return;
            }
        }
    }

    private void checkRegexes(YamlNode.Entry entry, Map<String, String> regexes, String path) {
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping m)) {
            return;
        }
        for (YamlNode.Entry e : m.entries()) {
            String label = e.key().text();
            String regex = regexes.get(label);
            if (regex == null) {
                continue;
            }
            if (isNull(e.value())) {
                problems.error(e.value(), path + "." + label, "invalid regexp value for \"" + label + "\"");
                continue;
            }
            try {
                Matcher.of(label, MatcherType.REGEX, regex);
            } catch (MatcherSyntaxException ex) {
                problems.error(e.value(), path + "." + label, ex.getMessage());
            }
        }
    }

    private Map<String, String> labelMap(YamlNode.Entry entry, String path, String goType) {
        if (entry == null || isNull(entry.value())) {
            return Map.of();
        }
        if (!(entry.value() instanceof YamlNode.Mapping m)) {
            typeError(entry.value(), path, goType);
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : expandMerges(m, path)) {
            String key = e.key().text();
            if (out.containsKey(key)) {
                problems.typeError(e.key(), path + "." + key, "key \"" + key + "\" already set in map");
                continue;
            }
            String value = string(e.value(), path + "." + key);
            problems.remember(e.key(), path + "." + key);
            if (!LABEL_NAME.matcher(key).matches()) {
                problems.error(e.key(), path + "." + key, "invalid label name \"" + key + "\"");
            }
            out.put(key, value == null ? "" : value);
        }
        return out;
    }

    private List<Matcher> matcherList(YamlNode.Entry entry, String path) {
        if (entry == null) {
            return List.of();
        }
        List<String> lines = stringList(entry.value(), path);
        if (lines == null) {
            return List.of();
        }
        List<YamlNode> items = entry.value() instanceof YamlNode.Sequence s ? s.items() : List.of();
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.addAll(Matchers.parse(lines.get(i), syntax));
            } catch (MatcherSyntaxException e) {
                problems.error(items.get(i), path + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private RawReceiver receiver(YamlNode node, String path) {
        Set<String> known = new HashSet<>(IntegrationRules.RECEIVER_INTEGRATIONS);
        known.add("name");
        known.add("email_configs");
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, known);
        if (f == null) {
            f = Map.of();
        }
        String name = string(f, "name", path, "");
        List<RawEmail> emails = new ArrayList<>();
        YamlNode.Entry emailEntry = f.get("email_configs");
        if (emailEntry != null) {
            emails = list(emailEntry.value(), path + ".email_configs", "[]*config.EmailConfig", this::rawEmail);
        }
        Map<String, List<Map<String, Object>>> others = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode.Entry> e : f.entrySet()) {
            if (IntegrationRules.RECEIVER_INTEGRATIONS.contains(e.getKey())) {
                String childPath = path + "." + e.getKey();
                others.put(
                        e.getKey(),
                        list(
                                e.getValue().value(),
                                childPath,
                                "[]*config." + IntegrationRules.GO_TYPES.get(e.getKey()),
                                (n, p) -> integration(e.getKey(), n, p)));
            }
        }
        if (name.isEmpty() && !problems.hasErrors()) {
            problems.error(node, path, "missing name in receiver");
        }
        return new RawReceiver(name, node, emails, others, problems.position(node, path));
    }

    /** Checks an integration's fields and required settings as Alertmanager 0.25 does; keeps it raw. */
    private Map<String, Object> integration(String kind, YamlNode node, String path) {
        int mark = problems.typeErrorMark();
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, IntegrationRules.INTEGRATION_FIELDS.get(kind));
        if (f == null) {
            return Map.of();
        }
        checkIntegrationTypes(f, path);
        YamlNode.Entry http = f.get("http_config");
        if (http != null) {
            Map<String, YamlNode.Entry> h =
                    fields(http.value(), path + ".http_config", PLAIN, IntegrationRules.HTTP_CONFIG_FIELDS);
            if (h != null
                    && problems.noTypeErrorsSince(mark)
                    && present(h, "bearer_token")
                    && present(h, "bearer_token_file")) {
                problems.error(
                        http.value(),
                        path + ".http_config",
                        "at most one of bearer_token & bearer_token_file must be configured");
            }
        }
        for (String key : List.of("url", "api_url", "webhook_url")) {
            if (f.containsKey(key) && !(kind.equals("pushover_configs") || kind.equals("sns_configs"))) {
                validateUrl(f, key, path);
            }
        }
        String problem = switch (kind) {
            case "webhook_configs" -> present(f, "url") ? null : "missing URL in webhook config";
            case "pagerduty_configs" ->
                present(f, "service_key")
                                || present(f, "routing_key")
                                || present(f, "service_key_file")
                                || present(f, "routing_key_file")
                        ? null
                        : "missing service or routing key in PagerDuty config";
            case "victorops_configs" -> present(f, "routing_key") ? null : "missing Routing key in VictorOps config";
            case "pushover_configs" ->
                !present(f, "user_key")
                        ? "missing user key in Pushover config"
                        : present(f, "token") ? null : "missing token in Pushover config";
            case "sns_configs" ->
                present(f, "target_arn") || present(f, "topic_arn") || present(f, "phone_number")
                        ? null
                        : "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config";
            case "telegram_configs" ->
                !present(f, "bot_token")
                        ? "missing bot_token on telegram_config"
                        : present(f, "chat_id") ? null : "missing chat_id on telegram_config";
            case "webex_configs" ->
                !present(f, "room_id")
                        ? "missing room_id on webex_config"
                        : hasAuthorization(f.get("http_config"))
                                ? null
                                : "missing webex_configs.http_config.authorization";
            default -> null;
        };
        if (problem != null && problems.noTypeErrorsSince(mark)) {
            problems.error(node, path, problem);
        }
        return rawMap(node, path);
    }

    /** Reports values whose YAML kind cannot become the Go type of the integration field. */
    private void checkIntegrationTypes(Map<String, YamlNode.Entry> f, String path) {
        for (Map.Entry<String, YamlNode.Entry> e : f.entrySet()) {
            String key = e.getKey();
            YamlNode value = e.getValue().value();
            String childPath = path + "." + key;
            if (isNull(value) || IntegrationRules.STRUCTURED_FIELDS.contains(key)) {
                continue;
            }
            if (IntegrationRules.BOOLEAN_FIELDS.contains(key)) {
                bool(f, key, path, false);
            } else if (key.equals("max_alerts") || key.equals("chat_id")) {
                String type = key.equals("max_alerts") ? "uint64" : "int64";
                boolean number = value instanceof YamlNode.Scalar s
                        && s.plain()
                        && s.text().matches(type.equals("uint64") ? "\\+?[0-9]+" : "[-+]?[0-9]+");
                if (!number) {
                    typeError(value, childPath, type);
                }
            } else {
                boolean secret = IntegrationRules.SECRET_FIELDS.contains(key)
                        && !(key.equals("routing_key") && path.contains("victorops"));
                string(value, childPath, secret ? PLAIN : "string");
            }
        }
    }

    /**
     * Tells whether an integration's own {@code http_config} sets {@code authorization}: Webex
     * requires it there (the global {@code http_config} does not count in Alertmanager 0.25).
     */
    private static boolean hasAuthorization(YamlNode.Entry http) {
        if (http == null || !(http.value() instanceof YamlNode.Mapping m)) {
            return false;
        }
        for (YamlNode.Entry e : m.entries()) {
            if (e.key().text().equals("authorization") && !isNull(e.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(Map<String, YamlNode.Entry> f, String key) {
        YamlNode.Entry e = f.get(key);
        return e != null
                && !isNull(e.value())
                && !(e.value() instanceof YamlNode.Scalar s && s.text().isEmpty());
    }

    private Map<String, Object> rawMap(YamlNode node, String path) {
        Object raw = raw(node, path);
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (!isNull(node)) {
            typeError(node, path, PLAIN);
        }
        return Map.of();
    }

    private RawEmail rawEmail(YamlNode node, String path) {
        int mark = problems.typeErrorMark();
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, EMAIL_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        // Check the types now, so that type errors come in document order as in Alertmanager.
        for (String key : List.of(
                "to", "from", "hello", "auth_username", "auth_password_file", "auth_identity", "html", "text")) {
            string(f, key, path, "");
        }
        secret(f, "auth_password", path);
        secret(f, "auth_secret", path);
        bool(f, "send_resolved", path, false);
        bool(f, "require_tls", path, false);
        hostPort(f, "smarthost", path);
        if (f.containsKey("tls_config")) {
            tls(f.get("tls_config").value(), path + ".tls_config");
        }
        Map<String, String> headers = labelMapPlain(f.get("headers"), path + ".headers");
        if (!problems.noTypeErrorsSince(mark)) {
            return new RawEmail(path, node, f);
        }
        if (string(f, "to", path, "").isEmpty()) {
            problems.error(node, path, "missing to address in email config");
        }
        Set<String> normalized = new HashSet<>();
        for (String header : headers.keySet()) {
            String canonical = title(header);
            if (!normalized.add(canonical)) {
                problems.error(
                        f.get("headers").value(),
                        path + ".headers",
                        "duplicate header \"" + canonical + "\" in email config");
            }
        }
        return new RawEmail(path, node, f);
    }

    /**
     * Returns the canonical form of a MIME header name, as Go's textproto does: upper case after
     * each hyphen and at the start, lower case elsewhere; names with other than token characters
     * stay as written.
     */
    private static String title(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            boolean token = c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            if (!token) {
                return header;
            }
        }
        StringBuilder out = new StringBuilder(header.length());
        boolean upper = true;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private Map<String, String> labelMapPlain(YamlNode.Entry entry, String path) {
        if (entry == null || isNull(entry.value())) {
            return Map.of();
        }
        if (!(entry.value() instanceof YamlNode.Mapping m)) {
            typeError(entry.value(), path, "map[string]string");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : expandMerges(m, path)) {
            if (out.containsKey(e.key().text())) {
                problems.typeError(
                        e.key(), path + "." + e.key().text(), "key \"" + e.key().text() + "\" already set in map");
                continue;
            }
            String value = string(e.value(), path + "." + e.key().text());
            out.put(e.key().text(), value == null ? "" : value);
        }
        return out;
    }

    private TlsConfig tls(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, TLS_FIELDS);
        if (f == null) {
            return TlsConfig.defaults();
        }
        String min = string(f, "min_version", path, "");
        String max = string(f, "max_version", path, "");
        for (String key : List.of("min_version", "max_version")) {
            String version = key.equals("min_version") ? min : max;
            if (!version.isEmpty() && !TLS_VERSIONS.contains(version)) {
                problems.error(f.get(key).value(), path + "." + key, "unknown TLS version: " + version);
            }
        }
        return new TlsConfig(
                string(f, "ca_file", path, ""),
                string(f, "cert_file", path, ""),
                string(f, "key_file", path, ""),
                string(f, "server_name", path, ""),
                bool(f, "insecure_skip_verify", path, false),
                min,
                max);
    }

    private InhibitRule inhibitRule(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, INHIBIT_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        List<Matcher> source = new ArrayList<>();
        List<Matcher> target = new ArrayList<>();
        collectLegacy(f, "source", path, source);
        source.addAll(matcherList(f.get("source_matchers"), path + ".source_matchers"));
        collectLegacy(f, "target", path, target);
        target.addAll(matcherList(f.get("target_matchers"), path + ".target_matchers"));
        YamlNode.Entry equalEntry = f.get("equal");
        List<String> equalList =
                equalEntry == null ? null : stringList(equalEntry.value(), path + ".equal", "model.LabelNames");
        List<String> equal = equalList == null ? List.of() : equalList;
        return new InhibitRule(source, target, equal, problems.position(node, path));
    }

    private void collectLegacy(Map<String, YamlNode.Entry> f, String side, String path, List<Matcher> out) {
        Map<String, String> match = labelMap(f.get(side + "_match"), path + "." + side + "_match", "map[string]string");
        match.forEach((k, v) -> out.add(Matcher.of(k, MatcherType.EQUAL, v)));
        Map<String, String> matchRe = labelMap(f.get(side + "_match_re"), path + "." + side + "_match_re", PLAIN);
        checkRegexes(f.get(side + "_match_re"), matchRe, path + "." + side + "_match_re");
        matchRe.forEach((k, v) -> {
            try {
                out.add(Matcher.of(k, MatcherType.REGEX, "^(?:" + v + ")$"));
            } catch (MatcherSyntaxException e) {
                // Reported by checkRegexes with its position.
            }
        });
    }

    private NamedTimeInterval namedInterval(YamlNode node, String path, String missingName) {
        Map<String, YamlNode.Entry> f = fields(node, path, PLAIN, NAMED_INTERVAL_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        String name = string(f, "name", path, "");
        List<TimeInterval> intervals = f.containsKey("time_intervals")
                ? list(
                        f.get("time_intervals").value(),
                        path + ".time_intervals",
                        "[]timeinterval.TimeInterval",
                        this::interval)
                : List.of();
        if (name.isEmpty()) {
            problems.error(node, path, missingName);
        }
        return new NamedTimeInterval(name, intervals, problems.position(node, path));
    }

    private TimeInterval interval(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = fields(node, path, "timeinterval.TimeInterval", INTERVAL_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        List<TimeInterval.Range> times = f.containsKey("times")
                ? list(f.get("times").value(), path + ".times", "[]timeinterval.TimeRange", this::timeRange)
                : List.of();
        List<TimeInterval.Range> weekdays = ranges(f, "weekdays", path, TimeIntervalRanges.RangeKind.WEEKDAY);
        List<TimeInterval.Range> days = dayRanges(f, path);
        List<TimeInterval.Range> months = ranges(f, "months", path, TimeIntervalRanges.RangeKind.MONTH);
        List<TimeInterval.Range> years = ranges(f, "years", path, TimeIntervalRanges.RangeKind.YEAR);
        java.time.ZoneId location = null;
        if (f.containsKey("location")) {
            String zone = string(f, "location", path, "");
            // Go loads zones by tz database name only; offsets such as "-1" or "GMT+1" are unknown.
            if (zone.equals("Local")) {
                location = java.time.ZoneId.systemDefault();
            } else if (zone.isEmpty() || zone.equals("UTC")) {
                location = java.time.ZoneOffset.UTC;
            } else if (java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
                location = java.time.ZoneId.of(zone);
            } else {
                problems.error(f.get("location").value(), path + ".location", "unknown time zone " + zone);
            }
        }
        return new TimeInterval(times, weekdays, days, months, years, location);
    }

    private TimeInterval.Range timeRange(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = fields(node, path, "timeinterval.yamlTimeRange", TIME_RANGE_FIELDS);
        if (f == null) {
            f = Map.of();
        }
        String start = string(f, "start_time", path, "");
        String end = string(f, "end_time", path, "");
        if (start.isEmpty() || end.isEmpty()) {
            problems.error(node, path, "both start and end times must be provided");
            return new TimeInterval.Range(0, 0);
        }
        Integer begin = clock(start, f.get("start_time").value(), path + ".start_time");
        Integer finish = clock(end, f.get("end_time").value(), path + ".end_time");
        if (begin == null || finish == null) {
            return new TimeInterval.Range(0, 0);
        }
        if (begin >= finish) {
            problems.error(node, path, "start time cannot be equal or greater than end time");
        }
        return new TimeInterval.Range(begin, finish);
    }

    private Integer clock(String text, YamlNode at, String path) {
        if (!TimeIntervalRanges.CLOCK.matcher(text).matches()) {
            problems.error(at, path, "couldn't parse timestamp " + text + ", invalid format");
            return null;
        }
        return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
    }

    private List<TimeInterval.Range> dayRanges(Map<String, YamlNode.Entry> f, String path) {
        return ranges(f, "days_of_month", path, TimeIntervalRanges.RangeKind.DAY_OF_MONTH);
    }

    private List<TimeInterval.Range> ranges(
            Map<String, YamlNode.Entry> f, String key, String path, TimeIntervalRanges.RangeKind kind) {
        YamlNode.Entry entry = f.get(key);
        if (entry == null) {
            return List.of();
        }
        List<String> texts = stringList(entry.value(), path + "." + key, kind.goType());
        if (texts == null) {
            return List.of();
        }
        List<YamlNode> items = entry.value() instanceof YamlNode.Sequence s ? s.items() : List.of();
        List<TimeInterval.Range> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            YamlNode at = i < items.size() ? items.get(i) : entry.value();
            try {
                out.add(TimeIntervalRanges.range(texts.get(i), kind));
            } catch (IllegalArgumentException e) {
                problems.error(at, path + "." + key + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- cross-checks

    private void validate(Document doc, YamlNode root) {
        if (doc.route == null && root == null) {
            problems.error((YamlNode) null, "", "no route provided in config");
            return;
        }
        GlobalConfig g = doc.global;
        checkBoth(doc, "slack_api_url", "slack_api_url_file");
        checkBoth(doc, "opsgenie_api_key", "opsgenie_api_key_file");
        checkBoth(doc, "victorops_api_key", "victorops_api_key_file");
        if (problems.hasErrors()) {
            return;
        }
        if (g.smtpAuthPassword() != null
                && !g.smtpAuthPassword().isEmpty()
                && !g.smtpAuthPasswordFile().isEmpty()) {
            problems.error(
                    doc.globalNodes.get("smtp_auth_password_file"),
                    "global.smtp_auth_password_file",
                    "at most one of smtp_auth_password & smtp_auth_password_file must be configured");
            return;
        }
        List<Receiver> receivers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RawReceiver raw : doc.rawReceivers) {
            if (!names.add(raw.name())) {
                problems.error(raw.position(), "notification config name \"" + raw.name() + "\" is not unique");
                return;
            }
            List<EmailConfig> emails = new ArrayList<>();
            for (RawEmail email : raw.emails()) {
                EmailConfig config = effectiveEmail(email, g);
                if (config == null) {
                    return;
                }
                emails.add(config);
            }
            if (!checkOtherIntegrations(raw, doc)) {
                return;
            }
            receivers.add(new Receiver(raw.name(), emails, raw.others(), raw.position()));
        }
        doc.receivers = receivers;
        if (doc.route == null) {
            problems.error(root, "route", "no routes provided");
            return;
        }
        RouteConfig r = doc.route;
        if (r.receiver().isEmpty()) {
            problems.error(r.position(), "root route must specify a default receiver");
            return;
        }
        if (!r.match().isEmpty() || !r.matchRe().isEmpty() || !r.matchers().isEmpty()) {
            problems.error(r.position(), "root route must not have any matchers");
            return;
        }
        if (!r.muteTimeIntervals().isEmpty()) {
            problems.error(r.position(), "root route must not have any mute time intervals");
            return;
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            problems.error(r.position(), "root route must not have any active time intervals");
            return;
        }
        if (!checkReceivers(r, names)) {
            return;
        }
        Set<String> intervalNames = new HashSet<>();
        for (NamedTimeInterval t : doc.muteTimeIntervals) {
            if (!intervalNames.add(t.name())) {
                problems.error(t.position(), "mute time interval \"" + t.name() + "\" is not unique");
                return;
            }
        }
        for (NamedTimeInterval t : doc.timeIntervals) {
            if (!intervalNames.add(t.name())) {
                problems.error(t.position(), "time interval \"" + t.name() + "\" is not unique");
                return;
            }
        }
        if (!checkIntervals(r, intervalNames)) {
            return;
        }
        if (r.continueMatching()) {
            problems.error(r.position(), "cannot have continue in root route");
        }
    }

    private void checkBoth(Document doc, String key, String fileKey) {
        YamlNode value = doc.globalNodes.get(key);
        YamlNode file = doc.globalNodes.get(fileKey);
        if (value != null && !isNull(value) && file != null && !isNull(file) && !problems.hasErrors()) {
            problems.error(
                    file, "global." + fileKey, "at most one of " + key + " & " + fileKey + " must be configured");
        }
    }

    private EmailConfig effectiveEmail(RawEmail email, GlobalConfig g) {
        Map<String, YamlNode.Entry> f = email.fields();
        String path = email.path();
        HostPort smarthost = hostPort(f, "smarthost", path);
        if (smarthost == null) {
            if (g.smtpSmarthost() == null) {
                problems.error(email.node(), path, "no global SMTP smarthost set");
                return null;
            }
            smarthost = g.smtpSmarthost();
        }
        String from = string(f, "from", path, "");
        if (from.isEmpty()) {
            if (g.smtpFrom().isEmpty()) {
                problems.error(email.node(), path, "no global SMTP from set");
                return null;
            }
            from = g.smtpFrom();
        }
        Secret password = secret(f, "auth_password", path);
        String passwordFile = string(f, "auth_password_file", path, "");
        if ((password == null || password.isEmpty()) && passwordFile.isEmpty()) {
            password = g.smtpAuthPassword();
            passwordFile = g.smtpAuthPasswordFile();
        }
        Secret secret = secret(f, "auth_secret", path);
        if (secret == null || secret.isEmpty()) {
            secret = g.smtpAuthSecret();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        labelMapPlain(f.get("headers"), path + ".headers").forEach((k, v) -> headers.put(title(k), v));
        return new EmailConfig(
                string(f, "to", path, ""),
                from,
                orDefault(string(f, "hello", path, ""), g.smtpHello()),
                smarthost,
                orDefault(string(f, "auth_username", path, ""), g.smtpAuthUsername()),
                password,
                passwordFile,
                secret,
                orDefault(string(f, "auth_identity", path, ""), g.smtpAuthIdentity()),
                bool(f, "require_tls", path, g.smtpRequireTls()),
                f.containsKey("tls_config")
                        ? tls(f.get("tls_config").value(), path + ".tls_config")
                        : TlsConfig.defaults(),
                headers,
                f.containsKey("html") ? string(f, "html", path, "") : EmailConfig.DEFAULT_HTML,
                string(f, "text", path, ""),
                bool(f, "send_resolved", path, false));
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    /** Applies the global-default checks Alertmanager makes for the integrations kept raw. */
    private boolean checkOtherIntegrations(RawReceiver raw, Document doc) {
        Map<String, YamlNode> g = doc.globalNodes;
        for (Map.Entry<String, List<Map<String, Object>>> e : raw.others().entrySet()) {
            for (Map<String, Object> config : e.getValue()) {
                String problem = switch (e.getKey()) {
                    case "slack_configs" ->
                        missing(config, g, "api_url", "api_url_file", "slack_api_url", "slack_api_url_file")
                                ? "no global Slack API URL set either inline or in a file"
                                : null;
                    case "opsgenie_configs" ->
                        missing(config, g, "api_key", "api_key_file", "opsgenie_api_key", "opsgenie_api_key_file")
                                ? "no global OpsGenie API Key set either inline or in a file"
                                : null;
                    case "victorops_configs" ->
                        missing(config, g, "api_key", "api_key_file", "victorops_api_key", "victorops_api_key_file")
                                ? "no global VictorOps API Key set"
                                : null;
                    case "wechat_configs" ->
                        missing(config, g, "api_secret", "api_secret", "wechat_api_secret", "wechat_api_secret")
                                ? "no global Wechat ApiSecret set"
                                : missing(config, g, "corp_id", "corp_id", "wechat_api_corp_id", "wechat_api_corp_id")
                                        ? "no global Wechat CorpID set"
                                        : null;
                    case "discord_configs" ->
                        isBlank(config.get("webhook_url")) ? "no discord webhook URL provided" : null;
                    default -> null;
                };
                if (problem != null) {
                    problems.error(raw.position(), problem);
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean missing(
            Map<String, Object> config,
            Map<String, YamlNode> global,
            String key,
            String fileKey,
            String globalKey,
            String globalFileKey) {
        return isBlank(config.get(key))
                && isBlank(config.get(fileKey))
                && isBlankNode(global.get(globalKey))
                && isBlankNode(global.get(globalFileKey));
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isEmpty();
    }

    private static boolean isBlankNode(YamlNode node) {
        return node == null
                || isNull(node)
                || node instanceof YamlNode.Scalar s && s.text().isEmpty();
    }

    /** Reports the first undefined receiver, children before their parent as Alertmanager checks. */
    private boolean checkReceivers(RouteConfig route, Set<String> names) {
        for (RouteConfig child : route.routes()) {
            if (!checkReceivers(child, names)) {
                return false;
            }
        }
        if (!route.receiver().isEmpty() && !names.contains(route.receiver())) {
            SourcePosition at =
                    problems.positions().getOrDefault(route.position().yamlPath() + ".receiver", route.position());
            problems.error(at, "undefined receiver \"" + route.receiver() + "\" used in route");
            return false;
        }
        return true;
    }

    private boolean checkIntervals(RouteConfig route, Set<String> names) {
        for (RouteConfig child : route.routes()) {
            if (!checkIntervals(child, names)) {
                return false;
            }
        }
        for (List<String> list : List.of(route.activeTimeIntervals(), route.muteTimeIntervals())) {
            for (String name : list) {
                if (!names.contains(name)) {
                    problems.error(route.position(), "undefined time interval \"" + name + "\" used in route");
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- scalars

    private Map<String, YamlNode.Entry> fields(YamlNode node, String path, String goType, Set<String> known) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            typeError(node, path, goType);
            return null;
        }
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : expandMerges(mapping, path)) {
            String key = e.key().text();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (!known.contains(key)) {
                problems.typeError(e.key(), childPath, "field " + key + " not found in type " + goType);
                continue;
            }
            if (out.containsKey(key)) {
                problems.typeError(e.key(), childPath, "field " + key + " already set in type " + goType);
                continue;
            }
            problems.remember(e.key(), childPath);
            out.put(key, e);
        }
        return out;
    }

    /** Returns the entries with merge keys ({@code <<}) replaced by the merged mappings' entries. */
    private List<YamlNode.Entry> expandMerges(YamlNode.Mapping mapping, String path) {
        boolean hasMerge = mapping.entries().stream()
                .anyMatch(e -> e.key().plain() && e.key().text().equals("<<"));
        if (!hasMerge) {
            return mapping.entries();
        }
        List<YamlNode.Entry> own = new ArrayList<>();
        List<YamlNode.Entry> merged = new ArrayList<>();
        for (YamlNode.Entry e : mapping.entries()) {
            if (!(e.key().plain() && e.key().text().equals("<<"))) {
                own.add(e);
                continue;
            }
            List<YamlNode> sources = e.value() instanceof YamlNode.Sequence s ? s.items() : List.of(e.value());
            for (YamlNode source : sources) {
                if (source instanceof YamlNode.Mapping m) {
                    merged.addAll(expandMerges(m, path));
                } else {
                    problems.error(source, path, "map merge requires map or sequence of maps as the value");
                }
            }
        }
        Set<String> ownKeys = new HashSet<>();
        own.forEach(e -> ownKeys.add(e.key().text()));
        List<YamlNode.Entry> out = new ArrayList<>(own);
        Set<String> mergedKeys = new HashSet<>();
        for (YamlNode.Entry e : merged) {
            if (!ownKeys.contains(e.key().text()) && mergedKeys.add(e.key().text())) {
                out.add(e);
            }
        }
        return out;
    }

    private <T> List<T> list(
            YamlNode node, String path, String goType, java.util.function.BiFunction<YamlNode, String, T> item) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            typeError(node, path, goType);
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String itemPath = path + "[" + i + "]";
            problems.remember(seq.items().get(i), itemPath);
            out.add(item.apply(seq.items().get(i), itemPath));
        }
        return out;
    }

    private String string(Map<String, YamlNode.Entry> f, String key, String path, String absent) {
        YamlNode.Entry e = f.get(key);
        if (e == null) {
            return absent;
        }
        String value = string(e.value(), path + "." + key);
        return value == null ? "" : value;
    }

    /** Returns the scalar's text as Go reads a string field (null for a plain null), or reports a type error. */
    private String string(YamlNode node, String path) {
        return string(node, path, "string");
    }

    /** Returns the scalar's text (null for a plain null), or reports that it cannot become the Go type. */
    private String string(YamlNode node, String path, String goType) {
        if (node instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.text();
        }
        typeError(node, path, goType);
        return null;
    }

    private List<String> stringListOrEmpty(YamlNode.Entry entry, String path) {
        if (entry == null) {
            return List.of();
        }
        List<String> list = stringList(entry.value(), path);
        return list == null ? List.of() : list;
    }

    private List<String> stringList(YamlNode node, String path) {
        return stringList(node, path, "[]string");
    }

    private List<String> stringList(YamlNode node, String path, String goType) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            typeError(node, path, goType);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String value = string(seq.items().get(i), path + "[" + i + "]");
            out.add(value == null ? "" : value);
        }
        return out;
    }

    /** Reads an Alertmanager {@code Secret} field, whose type errors name {@code config.plain}. */
    private Secret secret(Map<String, YamlNode.Entry> f, String key, String path) {
        YamlNode.Entry e = f.get(key);
        String value = e == null ? null : string(e.value(), path + "." + key, PLAIN);
        return value == null || value.isEmpty() ? null : Secret.of(value);
    }

    private boolean bool(Map<String, YamlNode.Entry> f, String key, String path, boolean absent) {
        YamlNode.Entry e = f.get(key);
        if (e == null) {
            return absent;
        }
        YamlNode node = e.value();
        if (node instanceof YamlNode.Scalar s) {
            if (s.isNull()) {
                return absent;
            }
            Boolean value = s.plain() ? YamlScalars.bool(s.text()) : null;
            if (value != null) {
                return value;
            }
        }
        typeError(node, path + "." + key, "bool");
        return absent;
    }

    private Duration optionalDuration(Map<String, YamlNode.Entry> f, String key, String path) {
        YamlNode.Entry e = f.get(key);
        if (e == null || isNull(e.value())) {
            return null;
        }
        return duration(e.value(), path + "." + key);
    }

    private Duration duration(YamlNode node, String path) {
        String text = string(node, path);
        if (text == null) {
            text = "";
        }
        try {
            return PrometheusDuration.parse(text);
        } catch (IllegalArgumentException e) {
            if (node instanceof YamlNode.Scalar) {
                problems.error(node, path, e.getMessage());
            }
            return null;
        }
    }

    private HostPort hostPort(Map<String, YamlNode.Entry> f, String key, String path) {
        YamlNode.Entry e = f.get(key);
        if (e == null) {
            return null;
        }
        String text = string(e.value(), path + "." + key);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException ex) {
            problems.error(e.value(), path + "." + key, ex.getMessage());
            return null;
        }
    }

    /** Converts a node to plain Java values: strings, lists and maps (nulls become empty strings). */
    private Object raw(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s) {
            return s.isNull() ? "" : s.text();
        }
        if (node instanceof YamlNode.Sequence seq) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                out.add(raw(seq.items().get(i), path + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : expandMerges(mapping, path)) {
            String key = e.key().text();
            String childPath = path + "." + key;
            problems.remember(e.key(), childPath);
            Object value = raw(e.value(), childPath);
            boolean secret = IntegrationRules.SECRET_KEYS.contains(key)
                    || IntegrationRules.SECRET_URL_KEYS.contains(key)
                            && (path.contains("slack_configs") || path.contains("webhook_configs"));
            out.put(key, secret && value instanceof String text && !text.isEmpty() ? Secret.of(text) : value);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static boolean isNull(YamlNode node) {
        return node == null || node instanceof YamlNode.Scalar s && s.isNull();
    }

    private void typeError(YamlNode node, String path, String goType) {
        String shown = "";
        String tag;
        if (node instanceof YamlNode.Scalar s) {
            tag = s.resolvedTag();
            String text = s.text();
            shown = text.length() > 10 ? " `" + text.substring(0, 7) + "...`" : " `" + text + "`";
        } else {
            tag = node instanceof YamlNode.Sequence ? "!!seq" : "!!map";
        }
        problems.typeError(node, path, "cannot unmarshal " + tag + shown + " into " + goType);
    }
}
