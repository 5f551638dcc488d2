package io.kubelab.labs.nodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The threads lab works on many nodes with at once: running a step on a group, probing nodes for
 * `lab env`, running checks. One pool per set of open nodes (threads are made when work comes and
 * kept a minute), each piece of work bounded by its own parallelism, closed with the nodes.
 */
public final class Workers implements AutoCloseable {
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-worker");
        t.setDaemon(true); // a hung node never keeps lab from exiting
        return t;
    });

    /**
     * Applies {@code work} to every item, at most {@code parallelism} at a time, and returns the
     * results in the items' order. A single item runs on the calling thread.
     */
    public <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable lane = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                results[i] = work.apply(items.get(i));
            }
        };
        List<Future<?>> lanes = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(1, parallelism), items.size()); i++) {
            lanes.add(pool.submit(lane));
        }
        try {
            for (Future<?> f : lanes) {
                f.get();
            }
        } catch (InterruptedException e) {
            lanes.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for work on several nodes", e);
        } catch (ExecutionException e) {
            lanes.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
