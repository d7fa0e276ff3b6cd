package org.sarcomacds.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator: N threads, each with its own keep-alive connection, each sending the next
 * request as soon as the previous answer is read. Plain sockets keep the client's own CPU small, which matters when
 * client and server share two cores. Latency goes into an HdrHistogram (microseconds).
 */
final class LoadGenerator {

    /** What one phase of load measured. */
    record Result(
            int connections, double seconds, long requests, long errors, Histogram latencyMicros, String firstBody) {

        double throughput() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }

    private final int port;
    private final byte[] request;

    /** A request: POST {@code body} to {@code path}, or GET when {@code body} is null. */
    LoadGenerator(int port, String path, byte[] body) {
        this.port = port;
        String head = (body == null ? "GET " : "POST ") + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Accept: application/json\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        int bodyLength = body == null ? 0 : body.length;
        request = new byte[headBytes.length + bodyLength];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        if (body != null) {
            System.arraycopy(body, 0, request, headBytes.length, bodyLength);
        }
    }

    /** Runs {@code connections} closed loops for {@code warmupMillis} (not recorded), then {@code measureMillis}. */
    Result run(int connections, long warmupMillis, long measureMillis) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long end = measureFrom + measureMillis * 1_000_000;
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstBody = new String[1];
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            boolean keepFirst = i == 0;
            Thread t = new Thread(
                    () -> {
                        try {
                            loop(histogram, measureFrom, end, requests, errors, keepFirst ? firstBody : null);
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + i);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(connections, measureMillis / 1000.0, requests.get(), errors.get(), all, firstBody[0]);
    }

    private void loop(
            Histogram histogram,
            long measureFrom,
            long end,
            AtomicLong requests,
            AtomicLong errors,
            String[] firstBody) {
        Connection connection = null;
        while (true) {
            long sent = System.nanoTime();
            if (sent >= end) {
                break;
            }
            boolean ok;
            try {
                if (connection == null) {
                    connection = new Connection(port);
                }
                Response response = connection.exchange(request, firstBody != null && firstBody[0] == null);
                ok = response.status == 200;
                if (firstBody != null && firstBody[0] == null) {
                    firstBody[0] = response.body;
                }
                if (response.close) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException e) {
                ok = false;
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
            long received = System.nanoTime();
            if (sent >= measureFrom && received <= end) {
                requests.incrementAndGet();
                histogram.recordValue(Math.max(1, (received - sent) / 1000));
                if (!ok) {
                    errors.incrementAndGet();
                }
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** Sends one request on a new connection and answers status and body; for start-up probes. */
    Response once() throws IOException {
        Connection connection = new Connection(port);
        try {
            return connection.exchange(request, true);
        } finally {
            connection.close();
        }
    }

    record Response(int status, boolean close, String body) {}

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[64 * 1024];

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] request, boolean keepBody) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            StringBuilder body = keepBody ? new StringBuilder() : null;
            if (chunked) {
                for (long size = Long.parseLong(line().trim().split(";")[0], 16);
                        size > 0;
                        size = Long.parseLong(line().trim().split(";")[0], 16)) {
                    skip(size, body);
                    line();
                }
                while (true) {
                    String trailer = line();
                    if (trailer == null || trailer.isEmpty()) {
                        break;
                    }
                }
            } else if (length >= 0) {
                skip(length, body);
            } else {
                close = true;
            }
            return new Response(status, close, body == null ? null : body.toString());
        }

        private void skip(long bytes, StringBuilder keep) throws IOException {
            long left = bytes;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("connection closed mid-body");
                }
                if (keep != null) {
                    keep.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                left -= n;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = line.length();
                    return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a benchmark connection: nothing to do
            }
        }
    }
}
