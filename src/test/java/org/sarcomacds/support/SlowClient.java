package org.sarcomacds.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends the headers of a 5 MB hook call and the body's first byte, then stalls, or trickles one more
 * byte every 200 ms: what a broken or hostile client does to a service's threads.
 */
public final class SlowClient implements AutoCloseable {

    private final Socket socket;
    private final Thread trickler;

    public SlowClient(String host, int port, String path, boolean trickle) {
        try {
            socket = new Socket(host, port);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 5000000\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            trickler = trickle ? Thread.ofVirtual().start(() -> trickle(out)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void trickle(OutputStream out) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(200);
                out.write(' ');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // cut off by the service, or closed
        }
    }

    /** The status line of the service's answer, waiting up to {@code seconds}; empty when none came. */
    public String statusLine(int seconds) {
        try {
            socket.setSoTimeout(seconds * 1000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\r') {
                line.append((char) b);
            }
            return line.toString();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (trickler != null) {
            trickler.interrupt();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
