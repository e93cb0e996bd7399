package dev.outage.nix.syntax;

import java.util.ArrayList;
import java.util.List;

/** Nix's indentation stripping of {@code ''...''} strings. */
final class IndentStripper {

    private IndentStripper() {}

    /**
     * Strips the common indentation from the parts of an indented string.
     *
     * @param raw {@link Token}s of kind IND_STR and {@link StringPart.Interpolation}s, in order
     */
    static List<StringPart> strip(List<Object> raw) {
        int minIndent = minimumIndent(raw);
        List<StringPart> out = new ArrayList<>(raw.size());
        boolean atStartOfLine = true;
        int dropped = 0;
        for (int i = 0; i < raw.size(); i++) {
            Object part = raw.get(i);
            if (part instanceof StringPart.Interpolation interpolation) {
                atStartOfLine = false;
                dropped = 0;
                out.add(interpolation);
                continue;
            }
            Token token = (Token) part;
            String s = token.value();
            StringBuilder kept = new StringBuilder(s.length());
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (atStartOfLine) {
                    if (c == ' ') {
                        if (dropped++ >= minIndent) {
                            kept.append(c);
                        }
                    } else if (c == '\n') {
                        dropped = 0;
                        kept.append(c);
                    } else {
                        atStartOfLine = false;
                        dropped = 0;
                        kept.append(c);
                    }
                } else {
                    kept.append(c);
                    if (c == '\n') {
                        atStartOfLine = true;
                    }
                }
            }
            String text = kept.toString();
            if (i == raw.size() - 1) {
                int p = text.lastIndexOf('\n');
                if (p >= 0 && onlySpaces(text, p + 1)) {
                    text = text.substring(0, p + 1);
                }
            }
            out.add(new StringPart.Text(text, token.range()));
        }
        return out;
    }

    private static boolean onlySpaces(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int minimumIndent(List<Object> raw) {
        boolean atStartOfLine = true;
        int minIndent = 1000000;
        int indent = 0;
        for (Object part : raw) {
            if (!(part instanceof Token token) || !token.has(Token.INDENTED)) {
                if (atStartOfLine) {
                    atStartOfLine = false;
                    minIndent = Math.min(minIndent, indent);
                }
                continue;
            }
            String s = token.value();
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (atStartOfLine) {
                    if (c == ' ') {
                        indent++;
                    } else if (c == '\n') {
                        indent = 0;
                    } else {
                        atStartOfLine = false;
                        minIndent = Math.min(minIndent, indent);
                    }
                } else if (c == '\n') {
                    atStartOfLine = true;
                    indent = 0;
                }
            }
        }
        return minIndent;
    }
}
