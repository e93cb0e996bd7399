package dev.outage.probe.internal;

import dev.outage.probe.CommandRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts real processes with {@link ProcessBuilder}; output beyond 8 MiB a stream is dropped. */
public final class SystemCommandRunner implements CommandRunner {

    /** The one instance; it holds no state. */
    public static final SystemCommandRunner INSTANCE = new SystemCommandRunner();

    private static final int MAX_CAPTURE = 8 << 20;

    private SystemCommandRunner() {}

    @Override
    public Output run(Invocation invocation) throws IOException, InterruptedException {
        Process process = start(invocation);
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        writeStdin(process, invocation.stdin());
        boolean exited;
        try {
            exited = process.waitFor(invocation.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!exited) {
            kill(process);
        }
        return new Output(exited ? process.exitValue() : -1, collect(stdout), collect(stderr), !exited);
    }

    private static Process start(Invocation invocation) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(invocation.command());
        if (invocation.environment() != null) {
            builder.environment().clear();
            builder.environment().putAll(invocation.environment());
        }
        if (invocation.directory() != null) {
            builder.directory(invocation.directory().toFile());
        }
        if (invocation.stdin() == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        }
        return builder.start();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void writeStdin(Process process, String stdin) {
        if (stdin == null) {
            return;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process closed its input early; what it printed says why.
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (stream) {
                        result.complete(readCapped(stream));
                    } catch (IOException e) {
                        result.complete("");
                    }
                },
                "outage-process-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static String readCapped(InputStream stream) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
            if (out.size() < MAX_CAPTURE) {
                out.write(buffer, 0, Math.min(n, MAX_CAPTURE - out.size()));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String collect(CompletableFuture<String> output) throws InterruptedException {
        try {
            // A grandchild that escaped the kill may hold the pipe open; do not wait on it forever.
            return output.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }
}
