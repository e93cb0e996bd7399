package dev.outage.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "foo=bar                          | foo=\"bar\"",
                "{foo = \"bar\", dings != \"bums\", } | dings!=\"bums\",foo=\"bar\"",
                "foo=bar,dings!=bums              | dings!=\"bums\",foo=\"bar\"",
                "statuscode=~\"5..\"              | statuscode=~\"5..\"",
                "{quote=\"She said: \\\"Hi, all\\\"\"} | quote=\"She said: \\\"Hi, all\\\"\"",
                "a=\"x\\y\"                       | a=\"x\\\\y\"",
                "a=                               | a=\"\"",
            })
    void parsesTheClassicSyntaxAsAlertmanager025(String text, String printed) {
        List<Matcher> matchers = Matchers.sorted(Matchers.parse(text, MatcherSyntax.CLASSIC));
        assertThat(Matchers.toString(matchers)).isEqualTo("{" + printed + "}");
    }

    @Test
    void rejectsClassicTextWithAlertmanagersReasons() {
        assertThatThrownBy(() -> Matchers.parse("a b", MatcherSyntax.CLASSIC))
                .isInstanceOf(MatcherSyntaxException.class)
                .hasMessage("bad matcher format: a b");
        assertThatThrownBy(() -> Matchers.parse("x=\"a\"b\"", MatcherSyntax.CLASSIC))
                .hasMessage("matcher value contains unescaped double quote: \"a\"b\"");
        assertThatThrownBy(() -> Matchers.parse("x=~\"(\"", MatcherSyntax.CLASSIC))
                .hasMessage("error parsing regexp: missing closing ): `^(?:()$`");
    }

    @Test
    void parsesTheUtf8SyntaxWithQuotedNamesAndGoEscapes() {
        List<Matcher> matchers = Matchers.parse("{\"service name\"=\"a\\tb\", env!~prod.*}", MatcherSyntax.UTF8);
        assertThat(matchers)
                .containsExactly(
                        Matcher.of("service name", MatcherType.EQUAL, "a\tb"),
                        Matcher.of("env", MatcherType.NOT_REGEX, "prod.*"));
    }

    @Test
    void rejectsUtf8TextThatTheClassicParserTolerates() {
        assertThat(Matchers.parse("a=b c", MatcherSyntax.CLASSIC)).hasSize(1);
        assertThatThrownBy(() -> Matchers.parse("a=b c", MatcherSyntax.UTF8))
                .isInstanceOf(MatcherSyntaxException.class)
                .hasMessageContaining("unexpected c");
        assertThatThrownBy(() -> Matchers.parse("{a=b", MatcherSyntax.UTF8)).hasMessageContaining("close brace");
    }

    @Test
    void anchorsRegexesAndSeesMissingLabelsAsEmpty() {
        Matcher regex = Matcher.of("severity", MatcherType.REGEX, "crit|page");
        assertThat(regex.matches("page")).isTrue();
        assertThat(regex.matches("paged")).isFalse();
        assertThat(regex.matches(LabelSet.empty())).isFalse();
        assertThat(Matcher.of("team", MatcherType.REGEX, "").matches(LabelSet.empty()))
                .isTrue();
        assertThat(Matcher.of("team", MatcherType.NOT_EQUAL, "").matches(LabelSet.of("team", "")))
                .isFalse();
    }

    @Test
    void shortcutsBehaveLikeTheRegexTheyReplace() {
        for (String regex : List.of(".*", ".+", "a|b|", "x y,z", "svc-1-[a-z]+", "ab*c", "ab?", "a{2}", "ab+", "a.b")) {
            Matcher fast = Matcher.of("l", MatcherType.REGEX, regex);
            Matcher slow = Matcher.of("l", MatcherType.REGEX, "(?:" + regex + ")");
            for (String value : List.of(
                    "",
                    "a",
                    "b",
                    "x y,z",
                    "line\nbreak",
                    "ab",
                    "abc",
                    "ac",
                    "aa",
                    "abbb",
                    "svc-1-api",
                    "svc-1-",
                    "axb")) {
                assertThat(fast.matches(value)).as("%s on %s", regex, value).isEqualTo(slow.matches(value));
            }
        }
    }
}
