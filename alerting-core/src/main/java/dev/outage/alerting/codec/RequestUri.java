package dev.outage.alerting.codec;

/**
 * Decides whether a {@code generatorURL} passes Alertmanager's {@code uri} format check, which
 * is Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, no control
 * characters, valid percent escapes in host and path, a numeric port, and a host of allowed
 * characters. The query and an opaque part ({@code mailto:x}) are not checked further.
 */
final class RequestUri {

    private static final String HOST_EXTRA = "-_.~!$&'()*+,;=:[]<>\"";
    private static final String USERINFO_EXTRA = "-._:~!$&'()*+,;=%@";

    private RequestUri() {}

    /** Returns null when the text is accepted, or the reason it is not. */
    static String check(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "invalid control character in URL";
            }
        }
        String rest = text;
        String scheme = scheme(text);
        if (scheme == null) {
            return "missing protocol scheme";
        }
        if (!scheme.isEmpty()) {
            rest = text.substring(scheme.length() + 1);
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (!rest.startsWith("/")) {
            return scheme.isEmpty() ? "invalid URI for request" : null;
        }
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            String problem = checkAuthority(authority);
            if (problem != null) {
                return problem;
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        return checkEscapes(rest) ? null : "invalid URL escape";
    }

    /** Returns the scheme, "" when there is none, or null when the text starts with ':'. */
    private static String scheme(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return "";
                }
                continue;
            }
            if (c == ':') {
                return i == 0 ? null : text.substring(0, i);
            }
            return "";
        }
        return "";
    }

    private static String checkAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = authority;
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            for (int i = 0; i < userinfo.length(); i++) {
                char c = userinfo.charAt(i);
                if (!isAlphanumeric(c) && USERINFO_EXTRA.indexOf(c) < 0) {
                    return "invalid userinfo";
                }
            }
            host = authority.substring(at + 1);
        }
        return checkHost(host);
    }

    private static String checkHost(String host) {
        String port = null;
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                return "missing ']' in host";
            }
            String after = host.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return "invalid port after host";
                }
                port = after.substring(1);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                port = host.substring(colon + 1);
            }
        }
        if (port != null && !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "invalid port \":" + port + "\" after host";
        }
        if (!checkEscapes(host)) {
            return "invalid URL escape";
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < 0x80 && c != '%' && !isAlphanumeric(c) && HOST_EXTRA.indexOf(c) < 0) {
                return "invalid character " + quote(c) + " in host name";
            }
        }
        return null;
    }

    private static boolean checkEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String quote(char c) {
        return "\"" + c + "\"";
    }
}
