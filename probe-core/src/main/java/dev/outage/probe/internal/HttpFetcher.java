package dev.outage.probe.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small blocking HTTP calls with one overall deadline covering connect, headers and body. */
public final class HttpFetcher {

    /** The reply to one request: status, body as UTF-8 text, and the time until the body was read. */
    public record Reply(int status, String body, Duration latency) {}

    private final HttpClient client;

    public HttpFetcher(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends a GET and waits at most the timeout for the whole reply. */
    public Reply get(URI uri, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json, text/plain, */*"), timeout);
    }

    /** Sends a POST of a JSON body and waits at most the timeout for the whole reply. */
    public Reply postJson(URI uri, String json, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/json"),
                timeout);
    }

    private Reply send(HttpRequest.Builder request, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Reply(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException(cause.getMessage());
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** Returns the URI without user-info, query or fragment, safe for reports and messages. */
    public static String redact(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }

    /** Returns a reason for an I/O failure without leaking the target's secrets. */
    public static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    /** Returns a URI with the given path appended to the base, keeping a base path prefix. */
    public static URI resolve(URI base, String path) {
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        try {
            return new URI(
                    base.getScheme(), base.getUserInfo(), base.getHost(), base.getPort(), prefix + path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot append " + path + " to " + redact(base), e);
        }
    }
}
