package dev.outage.alerting.config.internal;

import java.util.Map;
import java.util.Set;

/** What Alertmanager 0.25 accepts in the integrations that outage keeps raw, and which keys are secret. */
final class IntegrationRules {

    /** The fields Alertmanager 0.25 accepts in each integration it knows, besides email. */
    static final Map<String, Set<String>> INTEGRATION_FIELDS = Map.ofEntries(
            Map.entry("webhook_configs", Set.of("send_resolved", "http_config", "url", "max_alerts")),
            Map.entry(
                    "slack_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_url",
                            "api_url_file",
                            "channel",
                            "username",
                            "color",
                            "title",
                            "title_link",
                            "pretext",
                            "text",
                            "fields",
                            "short_fields",
                            "footer",
                            "fallback",
                            "callback_id",
                            "icon_emoji",
                            "icon_url",
                            "image_url",
                            "thumb_url",
                            "link_names",
                            "mrkdwn_in",
                            "actions")),
            Map.entry(
                    "pagerduty_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "service_key",
                            "service_key_file",
                            "routing_key",
                            "routing_key_file",
                            "url",
                            "client",
                            "client_url",
                            "description",
                            "details",
                            "images",
                            "links",
                            "source",
                            "severity",
                            "class",
                            "component",
                            "group")),
            Map.entry(
                    "opsgenie_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_key",
                            "api_key_file",
                            "api_url",
                            "message",
                            "description",
                            "source",
                            "details",
                            "entity",
                            "responders",
                            "actions",
                            "tags",
                            "note",
                            "priority",
                            "update_alerts")),
            Map.entry(
                    "wechat_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_secret",
                            "corp_id",
                            "message",
                            "api_url",
                            "to_user",
                            "to_party",
                            "to_tag",
                            "agent_id",
                            "message_type")),
            Map.entry(
                    "victorops_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_key",
                            "api_key_file",
                            "api_url",
                            "routing_key",
                            "message_type",
                            "state_message",
                            "entity_display_name",
                            "monitoring_tool",
                            "custom_fields")),
            Map.entry(
                    "pushover_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "user_key",
                            "token",
                            "title",
                            "message",
                            "url",
                            "url_title",
                            "sound",
                            "priority",
                            "retry",
                            "expire",
                            "html")),
            Map.entry(
                    "sns_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_url",
                            "sigv4",
                            "topic_arn",
                            "phone_number",
                            "target_arn",
                            "subject",
                            "message",
                            "attributes")),
            Map.entry(
                    "telegram_configs",
                    Set.of(
                            "send_resolved",
                            "http_config",
                            "api_url",
                            "bot_token",
                            "chat_id",
                            "message",
                            "disable_notifications",
                            "parse_mode")),
            Map.entry("discord_configs", Set.of("send_resolved", "http_config", "webhook_url", "title", "message")),
            Map.entry("webex_configs", Set.of("send_resolved", "http_config", "api_url", "message", "room_id")));

    static final Set<String> RECEIVER_INTEGRATIONS = INTEGRATION_FIELDS.keySet();
    static final Set<String> HTTP_CONFIG_FIELDS = Set.of(
            "basic_auth",
            "authorization",
            "oauth2",
            "bearer_token",
            "bearer_token_file",
            "proxy_url",
            "tls_config",
            "follow_redirects",
            "enable_http2",
            "proxy_connect_header");
    /** Keys whose values Alertmanager treats as secrets; kept raw, they are wrapped in {@link Secret}. */
    static final Set<String> SECRET_KEYS = Set.of(
            "opsgenie_api_key",
            "wechat_api_secret",
            "victorops_api_key",
            "slack_api_url",
            "api_key",
            "api_secret",
            "service_key",
            "routing_key",
            "user_key",
            "token",
            "bot_token",
            "webhook_url",
            "password",
            "bearer_token",
            "credentials",
            "client_secret",
            "secret_key");
    /** Keys that are secret in some integrations only (Slack's api_url, the webhook url). */
    static final Set<String> SECRET_URL_KEYS = Set.of("api_url", "url");

    /** The Go type of each integration's configuration, as named in Alertmanager's type errors. */
    static final Map<String, String> GO_TYPES = Map.ofEntries(
            Map.entry("webhook_configs", "WebhookConfig"),
            Map.entry("slack_configs", "SlackConfig"),
            Map.entry("pagerduty_configs", "PagerdutyConfig"),
            Map.entry("opsgenie_configs", "OpsGenieConfig"),
            Map.entry("wechat_configs", "WechatConfig"),
            Map.entry("victorops_configs", "VictorOpsConfig"),
            Map.entry("pushover_configs", "PushoverConfig"),
            Map.entry("sns_configs", "SNSConfig"),
            Map.entry("telegram_configs", "TelegramConfig"),
            Map.entry("discord_configs", "DiscordConfig"),
            Map.entry("webex_configs", "WebexConfig"));

    /** Integration fields that are booleans. */
    static final Set<String> BOOLEAN_FIELDS =
            Set.of("send_resolved", "short_fields", "link_names", "update_alerts", "html", "disable_notifications");

    /** Integration fields holding maps or lists, whose contents are not checked. */
    static final Set<String> STRUCTURED_FIELDS = Set.of(
            "http_config",
            "sigv4",
            "details",
            "fields",
            "actions",
            "images",
            "links",
            "responders",
            "custom_fields",
            "attributes",
            "mrkdwn_in");

    /** Fields of Alertmanager's {@code Secret} type (their type errors name {@code config.plain}). */
    static final Set<String> SECRET_FIELDS = Set.of(
            "opsgenie_api_key",
            "wechat_api_secret",
            "victorops_api_key",
            "api_key",
            "api_secret",
            "service_key",
            "routing_key",
            "user_key",
            "token",
            "bot_token");

    private IntegrationRules() {}
}
