package org.facsimile.harvest.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a list request stopped. Stateless: everything needed to go on is in the token, so tokens
 * survive restarts and any node of a cluster can answer them. {@code until} is fixed when the
 * list starts, so records added during a harvest do not shift its pages; a checksum turns
 * corrupted tokens into badResumptionToken.
 */
record ResumptionToken(
        String verb,
        String prefix,
        String set,
        Instant from,
        Instant until,
        Instant afterDatestamp,
        String afterId,
        long cursor,
        long completeListSize,
        Instant expires) {

    String encode() {
        String body = String.join(
                "\n",
                "1",
                verb,
                prefix,
                set == null ? "" : set,
                from == null ? "" : Long.toString(from.getEpochSecond()),
                Long.toString(until.getEpochSecond()),
                Long.toString(afterDatestamp.getEpochSecond()),
                afterId,
                Long.toString(cursor),
                Long.toString(completeListSize),
                Long.toString(expires.getEpochSecond()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + Long.toHexString(crc(bytes));
    }

    static ResumptionToken decode(String token, Instant now) throws OaiException {
        try {
            int dot = token.lastIndexOf('.');
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            if (crc(bytes) != Long.parseLong(token.substring(dot + 1), 16)) {
                throw new IllegalArgumentException("checksum");
            }
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 11 || !f[0].equals("1")) {
                throw new IllegalArgumentException("fields");
            }
            ResumptionToken t = new ResumptionToken(
                    f[1],
                    f[2],
                    f[3].isEmpty() ? null : f[3],
                    f[4].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(f[4])),
                    Instant.ofEpochSecond(Long.parseLong(f[5])),
                    Instant.ofEpochSecond(Long.parseLong(f[6])),
                    f[7],
                    Long.parseLong(f[8]),
                    Long.parseLong(f[9]),
                    Instant.ofEpochSecond(Long.parseLong(f[10])));
            if (now.isAfter(t.expires())) {
                throw new OaiException(
                        OaiError.badResumptionToken, "the resumption token has expired; start the list again");
            }
            return t;
        } catch (OaiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OaiException(
                    OaiError.badResumptionToken, "the resumption token is not one this repository issued");
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
