package org.facsimile.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An upload over a plain socket, for limits: it keeps sending until the server stops reading,
 * then reads whatever the server answered. (A high-level client gives up at the first failed
 * write and never shows the answer.)
 */
final class RawUpload {

    /** The answer: status and content type. */
    record Answer(int status, String contentType, long bytesSent) {}

    private RawUpload() {}

    static Answer put(String base, String path, String token, long bytes, boolean declareLength) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append("PUT ")
                    .append(path)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\n")
                    .append("Authorization: Bearer ")
                    .append(token)
                    .append("\r\n")
                    .append("Content-Type: text/csv\r\n")
                    .append("Connection: close\r\n")
                    .append(declareLength ? "Content-Length: " + bytes + "\r\n" : "Transfer-Encoding: chunked\r\n")
                    .append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) '1');
            for (int i = 7; i < chunk.length; i += 8) {
                chunk[i] = '\n';
            }
            long sent = 0;
            try {
                while (sent < bytes) {
                    int n = (int) Math.min(chunk.length, bytes - sent);
                    if (!declareLength) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (!declareLength) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                }
                if (!declareLength) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException stoppedReading) {
                // the server answered and closed before taking the whole body: read its answer
            }
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null) {
                throw new IOException("no answer after sending " + sent + " bytes");
            }
            String contentType = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), contentType, sent);
        }
    }
}
