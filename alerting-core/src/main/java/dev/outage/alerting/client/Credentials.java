package dev.outage.alerting.client;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** How requests authenticate; secrets are read from files per request and never printed. */
record Credentials(String kind, String username, Path file) {
    static final Credentials NONE = new Credentials("none", null, null);

    String header(Peer peer) throws CredentialsException {
        return switch (kind) {
            case "basic" -> basic(username + ":" + read("password"));
            case "bearer" -> "Bearer " + read("bearer token");
            default -> peer.userInfo() == null ? null : basic(decodePercent(peer.userInfo()));
        };
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodePercent(String userInfo) {
        return URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private String read(String what) throws CredentialsException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CredentialsException(
                    "reading the " + what + " file " + file + " failed: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    String describe() {
        return switch (kind) {
            case "basic" -> "basic auth as " + username + " (password from " + file + ")";
            case "bearer" -> "bearer token from " + file;
            default -> "none (or user-info of the peer URL)";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
