package org.sarcomacds.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sarcomacds.demo.InMemoryFhir;
import tools.jackson.databind.JsonNode;

/**
 * A FHIR server on 127.0.0.1 written on a bare socket, so a test decides what WireMock would not let it: when a
 * keep-alive connection is closed (after an idle time, as Apache httpd does after its KeepAliveTimeout; or after every
 * answer without a {@code Connection: close} header), and exactly which bytes an answer has (9 MB, or a hostile
 * number). By default it answers from a fixture record as {@link InMemoryFhir} does, optionally with a page size of
 * its own whatever {@code _count} asks (as servers cap it).
 */
public final class SocketFhirServer implements AutoCloseable {

    /** How the server ends keep-alive connections. */
    public enum Closes {
        /** Never on its own (the client's pool decides). */
        NEVER,
        /** After one second without a request on the connection. */
        WHEN_IDLE_FOR_1S,
        /** Right after each answer, without announcing it. */
        AFTER_EVERY_ANSWER
    }

    /** An answer: status and body. */
    public record Answer(int status, byte[] body) {

        public static Answer json(JsonNode body) {
            return new Answer(200, body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ServerSocket listener;
    private final Closes closes;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Function<String, Answer> answers;

    public SocketFhirServer(Closes closes) {
        this.closes = closes;
        try {
            this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/fhir";
    }

    /** Answers each request from its path and query after {@code /fhir/} ({@code Condition?patient=1}). */
    public SocketFhirServer answering(Function<String, Answer> answers) {
        this.answers = answers;
        return this;
    }

    /** Answers from the record as {@link InMemoryFhir} does; {@code pageSize} > 0 replaces any {@code _count}. */
    public SocketFhirServer serving(JsonNode record, int pageSize) {
        InMemoryFhir fhir = new InMemoryFhir(record);
        return answering(query -> fhir.answer(withPageSize(query, pageSize), baseUrl())
                .map(Answer::json)
                .orElse(new Answer(404, "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8))));
    }

    public int connections() {
        return connections.get();
    }

    public int requests() {
        return requests.get();
    }

    private static String withPageSize(String query, int pageSize) {
        int q = query.indexOf('?');
        if (pageSize <= 0 || q < 0) {
            return query;
        }
        StringBuilder rewritten = new StringBuilder(query.substring(0, q + 1));
        for (Map.Entry<String, String> param :
                InMemoryFhir.params(query.substring(q + 1)).entrySet()) {
            if (!param.getKey().equals("_count")) {
                rewritten
                        .append(param.getKey())
                        .append('=')
                        .append(java.net.URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return rewritten.append("_count=").append(pageSize).toString();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(closes == Closes.WHEN_IDLE_FOR_1S ? 1000 : 30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String target = readRequestTarget(in);
                if (target == null) {
                    return;
                }
                requests.incrementAndGet();
                String query = target.startsWith("/fhir/") ? target.substring("/fhir/".length()) : target;
                Answer answer = answers.apply(query);
                out.write(("HTTP/1.1 " + answer.status() + " X\r\nContent-Type: application/fhir+json\r\n"
                                + "Content-Length: " + answer.body().length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(answer.body());
                out.flush();
                if (closes == Closes.AFTER_EVERY_ANSWER) {
                    return;
                }
            }
        } catch (SocketTimeoutException idle) {
            // the connection idled past the keep-alive timeout: closed, as a real server closes it
        } catch (IOException | RuntimeException e) {
            // the client went away, or the test's answer function failed: the connection ends
        }
    }

    /** The request target of the next request (a GET, so no body), or null at the end of the connection. */
    private static String readRequestTarget(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String line;
        do {
            line = readLine(in);
        } while (line != null && !line.isEmpty());
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : null;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
