package io.kubelab.shell.repl;

/** Where the REPL's lines come from: the line editor on a terminal, or plain lines from a pipe. */
interface LineSource extends AutoCloseable {

    /** The next line, or null at end of input (Ctrl-D on an empty line). */
    String read(String prompt);

    /** Shows the status line (lab, step n of m, check counts) where the terminal can. */
    void status(String text);

    @Override
    void close();
}
