package com.vibrationfit.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Workers drain what is due, then sleep until woken, without polling in a tight loop. */
class JobWorkersTest {

    @Test
    void shouldDrainTheQueueAndTakeANewJobAsSoonAsWoken() throws Exception {
        AtomicInteger queued = new AtomicInteger(3);
        AtomicInteger looks = new AtomicInteger();
        CountDownLatch drained = new CountDownLatch(1);
        CountDownLatch lastDone = new CountDownLatch(1);
        JobWorkers workers = new JobWorkers(
                "test-worker",
                () -> {
                    looks.incrementAndGet();
                    if (queued.get() > 0) {
                        if (queued.decrementAndGet() == 0 && drained.getCount() == 0) {
                            lastDone.countDown();
                        }
                        return true;
                    }
                    drained.countDown();
                    return false;
                },
                () -> Optional.of(Duration.ofMinutes(1)));
        workers.start(1);
        try {
            assertTrue(drained.await(5, TimeUnit.SECONDS));
            int idleLooks = looks.get();
            Thread.sleep(300);
            assertEquals(idleLooks, looks.get(), "nothing due: it sleeps instead of looking again");
            queued.set(1);
            workers.wakeUp();
            assertTrue(lastDone.await(500, TimeUnit.MILLISECONDS), "a wake-up takes the new job at once");
        } finally {
            workers.stop();
        }
    }
}
