package com.vibrationfit.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Worker threads draining a table of jobs (narration, transcription): each takes one job at a time
 * ({@code processOne}, false when none is due). With nothing due, a worker sleeps until woken ({@link #wakeUp}, after
 * the commit that queued a job), until the next job falls due ({@code nextDueIn}: a quiet period, a retry's backoff),
 * or until its wait passes; the wait doubles while nothing happens (1 s up to {@code vf.jobs.max-idle}, 30 s), so an
 * idle service barely queries its database. Only a job no commit of this process announced waits for that (one
 * queued by a replica that died before taking it, a crashed worker's claim going stale): every replica wakes its
 * own workers after queueing.
 */
public final class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(30);

    private final String name;
    private final BooleanSupplier processOne;
    private final Supplier<Optional<Duration>> nextDueIn;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Duration maxIdle = DEFAULT_MAX_IDLE;

    public JobWorkers(String name, BooleanSupplier processOne, Supplier<Optional<Duration>> nextDueIn) {
        this.name = name;
        this.processOne = processOne;
        this.nextDueIn = nextDueIn;
    }

    public synchronized void start(int count) {
        maxIdle = ConfigProvider.getConfig()
                .getOptionalValue("vf.jobs.max-idle", Duration.class)
                .orElse(DEFAULT_MAX_IDLE);
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
                idle = woken ? MIN_IDLE : min(idle.multipliedBy(2), maxIdle);
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
