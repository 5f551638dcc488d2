package io.kubelab.labs.load;

import io.kubelab.labs.values.ControlChars;
import io.kubelab.labs.yaml.Location;
import io.kubelab.labs.yaml.Problems;
import io.kubelab.labs.yaml.YNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.Optional;

/**
 * Reads a lab's files as text, the way every content problem is reported: at a location, for
 * {@code lab validate} to show, never as an internal error. A file must be UTF-8, readable, a
 * regular file and at most {@link #MAX_BYTES}; a control character in it is a warning at its line,
 * because lab shows it escaped rather than as the author may have meant it.
 */
final class ContentText {
    /** Far above any lab's text; a cap so that a wrong path (a log, an image) is refused, not loaded. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final LabFiles files;
    private final Problems problems;

    ContentText(LabFiles files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    /**
     * The file's text; empty when it is missing (then {@code ifMissing} runs) or when it cannot be
     * used (then the reason is already a problem).
     */
    Optional<String> read(String path, Runnable ifMissing) {
        Location file = Location.of(files.display(path));
        Optional<byte[]> bytes;
        try {
            bytes = files.bytes(path, MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            problems.error(file, "cannot read it: permission denied; make it readable (chmod a+r " + file.file() + ")");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(file, "cannot read it: " + e.getMessage() + "; lab content is text files");
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            ifMissing.run();
            return Optional.empty();
        }
        if (bytes.get().length > MAX_BYTES) {
            problems.error(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB; lab content is text files");
            return Optional.empty();
        }
        Optional<String> text = utf8(bytes.get(), file);
        text.ifPresent(t -> warnControls(t, file.file()));
        return text;
    }

    private Optional<String> utf8(byte[] bytes, Location file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            // Written on Windows: a byte-order mark and CRLF line ends are not content.
            String s = chars.toString().replace("\r\n", "\n");
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (CharacterCodingException e) {
            int at = in.position();
            problems.error(at(bytes, at, file.file()), String.format(
                    "not UTF-8 (byte 0x%02x); save the file as UTF-8", bytes[Math.min(at, bytes.length - 1)] & 0xff));
            return Optional.empty();
        }
    }

    /** Line and column of a byte offset, counting characters from the line's start. */
    private static Location at(byte[] bytes, int offset, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Location(file, line, before.length() + 1);
    }

    /** One warning per line holding control characters, at the first of them. */
    private void warnControls(String text, String file) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int col = ControlChars.indexIn(line);
            if (col >= 0) {
                problems.warning(new Location(file, i + 1, col + 1), controlMessage(line.charAt(col)));
            }
        }
    }

    /** The same warning for each text in lab.yaml that holds a control character (YAML can write one as "\e"). */
    static void warnControls(YNode node, Problems problems) {
        if (node instanceof YNode.YScalar s) {
            int at = ControlChars.indexIn(s.text());
            if (at >= 0) {
                problems.warning(s.location(), controlMessage(s.text().charAt(at)));
            }
        } else if (node instanceof YNode.YList l) {
            l.items().forEach(item -> warnControls(item, problems));
        } else if (node instanceof YNode.YMap m) {
            m.entries().values().forEach(e -> {
                int at = ControlChars.indexIn(e.key());
                if (at >= 0) {
                    problems.warning(e.keyLocation(), controlMessage(e.key().charAt(at)));
                }
                warnControls(e.value(), problems);
            });
        }
    }

    private static String controlMessage(char c) {
        return "control character " + ControlChars.escaped(c) + ": a terminal would act on it, so lab shows it as '"
                + ControlChars.escaped(c) + "' and runs it unchanged; remove it, or write what you mean as text";
    }
}
