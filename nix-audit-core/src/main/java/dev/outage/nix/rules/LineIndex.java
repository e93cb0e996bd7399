package dev.outage.nix.rules;

import dev.outage.nix.finding.Location;
import java.util.Arrays;

/** Turns character offsets of a text into 1-based line and column locations. */
final class LineIndex {

    private final String file;
    private final int[] lineStarts;

    LineIndex(String file, String text) {
        this.file = file;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    Location at(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new Location(file, line + 1, offset - lineStarts[line] + 1);
    }
}
