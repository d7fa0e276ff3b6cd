package org.sarcomacds.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;
import tools.jackson.core.JsonParser;

/**
 * A FHIR server's answer read in full and held in memory, counted against the answer's size cap and reserved in the
 * process-wide {@link ByteBudget} as its bytes arrive. The reservation is the hook call's ({@link FetchCall}): the
 * resources HAPI parses from the answer stay in memory until the call ends, so the bytes stay counted until then.
 */
final class HeldAnswer extends ResponseBody {

    private static final MediaType FHIR_JSON = MediaType.get("application/fhir+json; charset=utf-8");

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final ByteBudget.Reservation reservation;
    private final long taken;
    private BufferedSource source;

    private HeldAnswer(byte[] bytes, int offset, int length, ByteBudget.Reservation reservation, long taken) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.reservation = reservation;
        this.taken = taken;
    }

    /**
     * Reads {@code body} to its end. A UTF-8 byte order mark is left out, as JSON readers differ on it.
     *
     * @throws FetchException          when the answer is larger than {@code maxBytes}
     * @throws ByteBudget.Exhausted    when the budget has no room for it
     */
    static HeldAnswer read(ResponseBody body, long maxBytes, ByteBudget.Reservation reservation) throws IOException {
        long declared = body.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        long taken = 0;
        try {
            if (declared > 0) {
                reservation.grow(declared); // refused before a byte is read when the budget has no room for it
                taken = declared;
            }
            byte[] bytes = new byte[declared > 0 ? (int) declared : 8192];
            byte[] chunk = new byte[8192];
            int count = 0;
            try (InputStream in = body.byteStream()) {
                for (int n; (n = in.read(chunk)) >= 0; count += n) {
                    if (count + n > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    if (count + n > taken) {
                        reservation.grow(count + n - taken);
                        taken = count + n;
                    }
                    if (count + n > bytes.length) {
                        bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(count + n, 2L * bytes.length)));
                    }
                    System.arraycopy(chunk, 0, bytes, count, n);
                }
            }
            int bom =
                    count >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            return new HeldAnswer(bytes, bom, count - bom, reservation, taken);
        } catch (IOException | RuntimeException e) {
            reservation.giveBack(taken);
            throw e;
        }
    }

    /** Gives the bytes back to the budget: the answer was refused, so nothing of it stays in memory. */
    void refused() {
        reservation.giveBack(taken);
    }

    private static FetchException tooLarge(long maxBytes) {
        return new FetchException("the FHIR server's answer is larger than the limit of " + maxBytes / (1024 * 1024)
                + " MB (cds.fetch.max-response-size)");
    }

    /** True when the first character, after any white space, opens an object. */
    boolean startsAnObject() {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '{') {
                return true;
            }
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n') {
                return false;
            }
        }
        return false;
    }

    /** Reads the held JSON token by token with {@link UntrustedJson#check}. */
    void check(UntrustedJson json, Consumer<JsonParser> tokens) {
        json.check(bytes, offset, length, tokens);
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public MediaType contentType() {
        return FHIR_JSON;
    }

    /** Streams the held bytes (no second copy of the answer while HAPI reads it). */
    @Override
    public BufferedSource source() {
        if (source == null) {
            source = Okio.buffer(Okio.source(new ByteArrayInputStream(bytes, offset, length)));
        }
        return source;
    }

    @Override
    public void close() {
        if (source != null) {
            super.close();
        }
    }
}
