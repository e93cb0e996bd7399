package dev.outage.alerting.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SMTP server (Debian's python3-aiosmtpd) that fails in a chosen way: the test resource
 * {@code smtp_fault_server.py} run by {@code /usr/bin/python3} on a free loopback port.
 */
final class FaultSmtpServer implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final int port;
    private final Path mailbox;

    private FaultSmtpServer(Process process, int port, Path mailbox) {
        this.process = process;
        this.port = port;
        this.mailbox = mailbox;
    }

    /** Starts the server with the script's options (such as {@code --data-reply "554 no"}). */
    static FaultSmtpServer start(Path directory, String... options) throws IOException, InterruptedException {
        requireAiosmtpd();
        Path mailbox = Files.createDirectories(directory.resolve("mailbox-" + System.nanoTime()));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                PYTHON,
                "-W",
                "ignore",
                resource("smtp_fault_server.py").toString(),
                "--port",
                Integer.toString(port),
                "--mailbox",
                mailbox.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder early = new StringBuilder();
        for (String line = out.readLine(); !"READY".equals(line); line = out.readLine()) {
            if (line == null) {
                process.destroyForcibly();
                throw new IllegalStateException("smtp_fault_server.py did not start: " + early);
            }
            early.append(line).append('\n');
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new FaultSmtpServer(process, port, mailbox);
    }

    static Path resource(String name) {
        try {
            return Path.of(FaultSmtpServer.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireAiosmtpd() throws IOException, InterruptedException {
        Process check = new ProcessBuilder(PYTHON, "-c", "import aiosmtpd")
                .redirectErrorStream(true)
                .start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException(PYTHON + " with aiosmtpd is needed: apt-get install python3-aiosmtpd"
                    + " (scripts/install-test-tools.sh installs it)");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Returns the accepted messages, oldest first, each with an X-Envelope-To first line. */
    List<String> messages() {
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
