package io.kubelab.checks.host;

/**
 * Keeps a command's output for captures and messages, bounded so a command that prints without end
 * cannot exhaust memory: beyond the limit the oldest text is dropped (the tail is what matters).
 */
final class OutputBuffer {
    static final int LIMIT = 8 * 1024 * 1024;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    synchronized void append(String line) {
        text.append(line).append('\n');
        if (text.length() > LIMIT) {
            text.delete(0, text.length() - LIMIT);
            truncated = true;
        }
    }

    synchronized String text() {
        return truncated ? "[... earlier output dropped ...]\n" + text : text.toString();
    }
}
