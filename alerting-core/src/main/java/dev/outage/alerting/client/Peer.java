package dev.outage.alerting.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A peer: its base URI (with the path prefix, ending in '/', without user-info), a printable
 * form, and the raw user-info of the configured URL (a secret: never printed).
 */
record Peer(URI base, String display, String userInfo) {
    static Peer of(URI uri, String pathPrefix) {
        String path = join(uri.getRawPath(), pathPrefix);
        try {
            URI base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null).resolve(path);
            return new Peer(base, base.toString(), uri.getRawUserInfo());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid Alertmanager URL " + uri.getHost() + ": " + e.getMessage(), e);
        }
    }

    private static String join(String path, String prefix) {
        String joined = (path == null ? "" : path) + "/" + prefix;
        joined = joined.replaceAll("/+", "/");
        return joined.endsWith("/") ? joined : joined + "/";
    }

    /** Returns the printable form; the user-info is left out. */
    @Override
    public String toString() {
        return display;
    }
}
