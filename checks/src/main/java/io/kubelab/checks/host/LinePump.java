package io.kubelab.checks.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Copies one output stream of a running command to a listener line by line, as the lines come,
 * and into a buffer. Runs on its own thread so stdout and stderr never block each other. A line
 * longer than {@link #MAX_LINE} is kept cut at that length (a command printing hundreds of
 * megabytes without a newline must not hold them all); after each chunk read the listener hears
 * {@link OutputListener#pause()}, so a terminal is flushed once per chunk, not once per line.
 */
public final class LinePump implements Runnable {
    /** Characters kept of one line; the rest is counted and said, not kept. */
    static final int MAX_LINE = 64 * 1024;
    private final InputStream in;
    private final OutputListener.Stream stream;
    private final OutputListener listener;
    private final OutputBuffer buffer = new OutputBuffer();
    /** Characters of the current line past {@link #MAX_LINE}. */
    private long dropped;

    public LinePump(InputStream in, OutputListener.Stream stream, OutputListener listener) {
        this.in = in;
        this.stream = stream;
        this.listener = listener;
    }

    @Override
    public void run() {
        StringBuilder line = new StringBuilder();
        char[] chunk = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(chunk)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = chunk[i];
                    if (c == '\n') {
                        emit(line);
                    } else if (c == '\r') {
                        continue; // CRLF line ends
                    } else if (line.length() < MAX_LINE) {
                        line.append(c);
                    } else {
                        dropped++;
                    }
                }
                pause();
            }
        } catch (IOException e) {
            // The stream was closed under us (the command was ended): keep what we have.
        } finally {
            if (line.length() > 0 || dropped > 0) {
                emit(line);
            }
            pause();
        }
    }

    private void pause() {
        try {
            listener.pause();
        } catch (RuntimeException e) {
            // As for lines: a broken listener must not stop the pump.
        }
    }

    private void emit(StringBuilder line) {
        if (dropped > 0) {
            line.append(" [… ").append(dropped).append(" more characters on this line not kept]");
            dropped = 0;
        }
        String s = line.toString();
        line.setLength(0);
        buffer.append(s);
        try {
            listener.line(stream, s);
        } catch (RuntimeException e) {
            // A broken listener must not stop the command's output from being kept.
        }
    }

    public String text() {
        return buffer.text();
    }

    public static Thread start(LinePump pump, String name) {
        Thread t = new Thread(pump, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
