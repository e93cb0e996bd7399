package dev.outage.audit.internal;

import dev.outage.nix.module.DarwinRevision;
import java.time.Instant;
import java.util.Optional;

/** Reads which nix-darwin revision a {@code flake.lock} pins. */
public final class FlakeLocks {

    private FlakeLocks() {}

    /**
     * Returns the nix-darwin revision locked in {@code text}, or empty when the lock has no
     * nix-darwin input or is not a flake lock.
     */
    public static Optional<DarwinRevision> darwinRevision(String text) {
        YamlNode root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> nodes =
                root.asMapping().flatMap(m -> m.get("nodes")).flatMap(YamlNode::asMapping);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        for (YamlNode.Entry entry : nodes.get().entries().values()) {
            Optional<YamlNode.Mapping> node = entry.value().asMapping();
            Optional<YamlNode.Mapping> locked =
                    node.flatMap(n -> n.get("locked")).flatMap(YamlNode::asMapping);
            Optional<YamlNode.Mapping> original =
                    node.flatMap(n -> n.get("original")).flatMap(YamlNode::asMapping);
            if (locked.isPresent()
                    && (isDarwin(locked.get())
                            || original.map(FlakeLocks::isDarwin).orElse(false))) {
                Optional<String> rev = locked.get().get("rev").flatMap(YamlNode::asText);
                Optional<Instant> lastModified = locked.get()
                        .get("lastModified")
                        .flatMap(YamlNode::asText)
                        .flatMap(FlakeLocks::epochSeconds);
                return Optional.of(new DarwinRevision(rev, lastModified));
            }
        }
        return Optional.empty();
    }

    private static boolean isDarwin(YamlNode.Mapping ref) {
        String repo = ref.get("repo").flatMap(YamlNode::asText).orElse("");
        String url = ref.get("url").flatMap(YamlNode::asText).orElse("");
        return repo.equals("nix-darwin") || url.contains("nix-darwin");
    }

    private static Optional<Instant> epochSeconds(String text) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
