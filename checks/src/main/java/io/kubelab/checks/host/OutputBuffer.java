package io.kubelab.checks.host;

import java.util.ArrayDeque;

/**
 * Keeps a command's output for captures and messages, bounded so a command that prints without end
 * cannot exhaust memory: beyond the limit the oldest lines are dropped (the tail is what matters).
 * Lines are kept whole in a queue, so dropping one costs the same however much was printed.
 */
final class OutputBuffer {
    static final int LIMIT = 8 * 1024 * 1024;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long chars;
    private boolean truncated;

    synchronized void append(String line) {
        lines.addLast(line);
        chars += line.length() + 1;
        while (chars > LIMIT && lines.size() > 1) {
            chars -= lines.removeFirst().length() + 1;
            truncated = true;
        }
    }

    synchronized String text() {
        StringBuilder b = new StringBuilder((int) Math.min(chars + 40, Integer.MAX_VALUE));
        if (truncated) {
            b.append("[... earlier output dropped ...]\n");
        }
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
