package com.vibrationfit.aiusage.viva;

import com.vibrationfit.platform.http.BoundedBody;
import com.vibrationfit.platform.http.ResponseLimits;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * LangChain4j's HTTP client for the model provider, reading every answer through {@link BoundedBody}: a provider
 * that sends its headers and then stalls, writes for longer than the reply may take, or sends more than a reply can
 * be, ends the call with an error (and the connection) instead of holding a thread and the member's hold. The
 * client LangChain4j ships only bounds the wait for the headers.
 */
final class BoundedProviderClient implements HttpClient {

    private final java.net.http.HttpClient client;
    private final ResponseLimits limits;

    private BoundedProviderClient(Duration connectTimeout, ResponseLimits limits) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.limits = limits;
    }

    static HttpClientBuilder builder(ResponseLimits limits) {
        return new HttpClientBuilder() {
            private Duration connectTimeout = Duration.ofSeconds(10);

            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                if (timeout != null && timeout.compareTo(connectTimeout) < 0) {
                    connectTimeout = timeout;
                }
                return this;
            }

            @Override
            public Duration readTimeout() {
                return limits.deadline();
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this; // the limits decide
            }

            @Override
            public HttpClient build() {
                return new BoundedProviderClient(connectTimeout, limits);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(toJdk(request), BoundedBody.handler(limits));
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            if (response.statusCode() / 100 != 2) {
                throw new HttpException(response.statusCode(), new String(body, StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        client.sendAsync(toJdk(request), BoundedBody.handler(limits))
                .thenAccept(response -> {
                    try (InputStream in = response.body()) {
                        if (response.statusCode() / 100 != 2) {
                            listener.onError(new HttpException(
                                    response.statusCode(), new String(in.readNBytes(2_000), StandardCharsets.UTF_8)));
                            return;
                        }
                        listener.onOpen(SuccessfulHttpResponse.builder()
                                .statusCode(response.statusCode())
                                .headers(response.headers().map())
                                .build());
                        parser.parse(in, listener); // reports a cut-off stream to the listener as an error
                        listener.onClose();
                    } catch (IOException | RuntimeException e) {
                        listener.onError(e);
                    }
                })
                .exceptionally(failure -> {
                    listener.onError(
                            failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause()
                                    : failure);
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("form data is not sent to the model provider");
        }
        java.net.http.HttpRequest.Builder jdk =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(limits.headerTimeout());
        request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
        String body = request.body();
        return jdk.method(
                        request.method().name(),
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
