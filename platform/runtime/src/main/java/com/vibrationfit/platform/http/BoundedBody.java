package com.vibrationfit.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream under {@link ResponseLimits}: a read that waits longer than the idle timeout
 * or past the deadline, or a body beyond the size limit, cancels the exchange (the JDK client then closes the
 * connection) and throws {@link ResponseCutOff}. Closing the stream early cancels too. Use it with the JDK client:
 * {@code client.send(request, BoundedBody.handler(limits))}; the body is pulled one buffer list at a time, so
 * memory stays bounded however fast the provider writes.
 */
public final class BoundedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private final ResponseLimits limits;
    private final long deadlineNanos;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pending;
    private ByteBuffer current;
    private long received;
    private boolean finished;

    private BoundedBody(ResponseLimits limits, long startNanos) {
        this.limits = limits;
        this.deadlineNanos = startNanos + limits.deadline().toNanos();
    }

    /** A handler whose deadline counts from now (call it when the request is sent). */
    public static HttpResponse.BodyHandler<InputStream> handler(ResponseLimits limits) {
        long start = System.nanoTime();
        return info -> new BoundedBody(limits, start);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        received += n;
        if (received > limits.maxBytes()) {
            throw cutOff("the response is larger than " + limits.maxBytes() + " bytes");
        }
        return n;
    }

    /** Makes {@link #current} readable; false at the end of the body. */
    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (pending != null && pending.hasNext()) {
                current = pending.next();
                continue;
            }
            if (finished) {
                return false;
            }
            if (pending != null) {
                pending = null;
                subscription.request(1); // the previous list is consumed: only now ask for more
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw cutOff("the response took longer than " + describe(limits.deadline()));
            }
            long wait = Math.min(left, limits.idleTimeout().toNanos());
            Object next;
            try {
                next = arrived.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cutOff("interrupted while reading the response");
            }
            if (next == null) {
                throw cutOff(
                        wait < limits.idleTimeout().toNanos()
                                ? "the response took longer than " + describe(limits.deadline())
                                : "the provider sent nothing for " + describe(limits.idleTimeout()));
            }
            if (next == END) {
                finished = true;
                return false;
            }
            if (next instanceof Throwable failure) {
                finished = true;
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) next;
            pending = buffers.iterator();
        }
        return true;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private ResponseCutOff cutOff(String why) {
        cancel();
        return new ResponseCutOff(why);
    }

    private void cancel() {
        finished = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void close() {
        if (!finished) {
            cancel();
        }
    }
}
