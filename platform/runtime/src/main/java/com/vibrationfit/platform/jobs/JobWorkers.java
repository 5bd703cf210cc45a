package com.vibrationfit.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Worker threads draining a table of jobs (narration, transcription): each takes one job at a time
 * ({@code processOne}, false when none is due). With nothing due, a worker sleeps until woken ({@link #wakeUp}, after
 * the commit that queued a job), until the next job falls due ({@code nextDueIn}: a quiet period, a retry's backoff),
 * or until its wait passes; the wait doubles while nothing happens (1 s up to 5 s), so an idle service does not query
 * its database every second, and jobs queued by another replica are still found within 5 s.
 */
public final class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);
    private static final Duration MAX_IDLE = Duration.ofSeconds(5);

    private final String name;
    private final BooleanSupplier processOne;
    private final Supplier<Optional<Duration>> nextDueIn;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public JobWorkers(String name, BooleanSupplier processOne, Supplier<Optional<Duration>> nextDueIn) {
        this.name = name;
        this.processOne = processOne;
        this.nextDueIn = nextDueIn;
    }

    public synchronized void start(int count) {
        running = true;
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(this::loop, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    public synchronized void stop() {
        running = false;
        wakeUps.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    /** Wakes the workers now (call it after the commit that queued jobs). */
    public void wakeUp() {
        wakeUps.release(Math.max(1, threads.size()));
    }

    private void loop() {
        Duration idle = MIN_IDLE;
        while (running) {
            try {
                if (processOne.getAsBoolean()) {
                    idle = MIN_IDLE;
                    continue;
                }
                Duration longest = idle;
                Duration wait = nextDueIn
                        .get()
                        .filter(due -> due.compareTo(longest) < 0)
                        .map(due -> due.isNegative() ? Duration.ZERO : due)
                        .orElse(longest);
                boolean woken = wakeUps.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                idle = woken ? MIN_IDLE : min(idle.multipliedBy(2), MAX_IDLE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s: %s", name, e.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
