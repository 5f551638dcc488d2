package io.kubelab.shell.repl;

import java.util.concurrent.TimeUnit;

/**
 * Notices when the whole of lab was just stopped and continued (Ctrl-Z, then {@code fg}).
 *
 * <p>Why: a Ctrl-Z the terminal turns into a signal reaches lab's handler on a thread of its own, and lab can be
 * stopped before that thread runs (the rest of its process group already stopped, and lab touching the terminal
 * from the background is stopped by the terminal). Such a Ctrl-Z has been obeyed; carried out after {@code fg},
 * it would stop lab a second time. A clock that ticks a few times a second sees the stop as a gap.
 */
final class ProcessPauses implements AutoCloseable {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(50);
    /** A gap this long is a stop: far longer than a tick, far shorter than anyone takes to type fg. */
    private static final long PAUSE = TimeUnit.MILLISECONDS.toNanos(300);

    private final Thread ticker;
    private volatile long lastTick = System.nanoTime();
    private volatile long lastPauseEnded = Long.MIN_VALUE;

    ProcessPauses() {
        ticker = new Thread(this::tick, "lab-pauses");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            if (now - lastTick > PAUSE) {
                lastPauseEnded = now;
            }
            lastTick = now;
            try {
                TimeUnit.NANOSECONDS.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether lab was stopped and has been running again for less than a moment (or the clock has not seen it yet). */
    boolean justContinued() {
        long now = System.nanoTime();
        return now - lastTick > PAUSE || (lastPauseEnded != Long.MIN_VALUE && now - lastPauseEnded < PAUSE);
    }

    @Override
    public void close() {
        ticker.interrupt();
    }
}
