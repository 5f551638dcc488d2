package io.kubelab.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Lines from a pipe or file: no prompt, no editing, no status line, nothing but the output. */
final class PipeLines implements LineSource {
    private final BufferedReader reader;

    PipeLines(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public String read(String prompt) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void status(String text) {
    }

    @Override
    public void close() {
    }
}
