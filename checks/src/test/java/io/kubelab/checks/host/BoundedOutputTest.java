package io.kubelab.checks.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a command prints, lab holds a bounded amount of it: lines are cut, the tail is a window. */
class BoundedOutputTest {

    @Test
    void aCommandPrintingHundredsOfMegabytesWithoutANewlineIsKeptCut() {
        List<String> lines = new ArrayList<>();
        ExecResult r = new LocalHost(java.util.Map.of("PATH", "/usr/bin:/bin"), java.nio.file.Path.of("/tmp")).exec(ExecRequest.of("head -c 300000000 /dev/zero | tr '\\0' x; echo; echo done",
                Duration.ofMinutes(2)).withListener((s, l) -> lines.add(l)));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(2, lines.size());
        assertEquals("x".repeat(LinePump.MAX_LINE) + " [… " + (300_000_000 - LinePump.MAX_LINE)
                + " more characters on this line not kept]", lines.get(0));
        assertEquals("done", lines.get(1));
        assertTrue(r.stdout().endsWith("not kept]\ndone\n"));
    }

    @Test
    void theTailKeepsTheLastLinesWithinItsLimit() {
        OutputBuffer b = new OutputBuffer();
        String line = "y".repeat(99);
        int lines = 3 * OutputBuffer.LIMIT / 100;
        for (int i = 0; i < lines; i++) {
            b.append(i == lines - 1 ? "last" : line);
        }
        String text = b.text();
        assertTrue(text.startsWith("[... earlier output dropped ...]\n"), text.substring(0, 40));
        assertTrue(text.endsWith(line + "\nlast\n"));
        assertTrue(text.length() <= OutputBuffer.LIMIT + 40, "bounded: " + text.length());
        assertTrue(text.length() > OutputBuffer.LIMIT - 200, "and full: " + text.length());
    }

    @Test
    void thePumpSaysWhenAChunkIsDoneSoATerminalIsFlushedPerChunkNotPerLine() {
        byte[] many = "a\n".repeat(100_000).getBytes();
        int[] pauses = {0};
        int[] count = {0};
        LinePump pump = new LinePump(new java.io.ByteArrayInputStream(many), OutputListener.Stream.STDOUT,
                new OutputListener() {
                    @Override
                    public void line(Stream stream, String line) {
                        count[0]++;
                    }

                    @Override
                    public void pause() {
                        pauses[0]++;
                    }
                });
        pump.run();
        assertEquals(100_000, count[0]);
        assertTrue(pauses[0] > 0 && pauses[0] < 100, "one pause per chunk read: " + pauses[0]);
    }

}
