package io.kubelab.shell.ui;

import io.kubelab.labs.values.ControlChars;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * Everything lab writes to the learner's terminal passes here: step text, titles, hints, commands
 * about to run, their output, errors. Control characters other than newline and tab are written
 * escaped ({@code \r}, {@code \e}), so content cannot move the cursor, clear the screen, set the
 * window title or the clipboard, or make a command look like another one. The only escape
 * sequences let through are the colours lab itself writes, and only while colour is on.
 *
 * <p>Filtering the one stream, rather than each place that shows content, is what makes this a
 * guarantee: a new command or message cannot forget it.
 */
public final class TerminalSafeWriter extends FilterWriter {
    private final BooleanSupplier colorOn;

    public TerminalSafeWriter(Writer out, BooleanSupplier colorOn) {
        super(out);
        this.colorOn = colorOn;
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        String part = s.substring(off, off + len);
        if (ControlChars.indexIn(part) < 0) {
            out.write(part);
            return;
        }
        out.write(safe(part, colorOn.getAsBoolean()));
    }

    /** The text as it may reach a terminal. */
    static String safe(String s, boolean color) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String own = color && c == 0x1b ? ownCodeAt(s, i) : null;
            if (own != null) {
                b.append(own);
                i += own.length();
            } else {
                b.append(ControlChars.isControl(c) ? ControlChars.escaped(c) : String.valueOf(c));
                i++;
            }
        }
        return b.toString();
    }

    private static String ownCodeAt(String s, int i) {
        for (String code : Style.CODES) {
            if (s.startsWith(code, i)) {
                return code;
            }
        }
        return null;
    }
}
