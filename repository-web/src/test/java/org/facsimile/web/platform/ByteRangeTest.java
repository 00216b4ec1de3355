package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final String TAG = "\"9f86d081884c7d65\"";

    private static Optional<ByteRange> of(String range, long size) {
        return ByteRange.requested(range, null, TAG, size);
    }

    @Test
    void oneRangeOfBytesInEachOfItsThreeForms() {
        assertEquals(Optional.of(new ByteRange(0, 99)), of("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(100, 999)), of("bytes=100-", 1000), "to the end");
        assertEquals(Optional.of(new ByteRange(900, 999)), of("bytes=-100", 1000), "the last 100 bytes");
        assertEquals(Optional.of(new ByteRange(0, 999)), of("bytes=-5000", 1000), "more than there is: all");
        assertEquals(Optional.of(new ByteRange(990, 999)), of("bytes=990-2000", 1000), "cut at the end");
        assertEquals(
                Optional.of(new ByteRange(0, 999)),
                of("bytes=0-999999999999999999999999999999", 1000),
                "a last position past any long");
        assertEquals(Optional.of(new ByteRange(5, 9)), of(" Bytes=5-9 ", 1000), "the unit in any case");
        assertEquals(Optional.of(new ByteRange(999, 999)), of("bytes=999-999", 1000), "the last byte alone");
    }

    @Test
    void aRangeKnowsItsLengthAndHeader() {
        ByteRange range = new ByteRange(100, 199);
        assertEquals(100, range.length());
        assertEquals("bytes 100-199/1000", range.contentRange(1000));
        assertTrue(new ByteRange(0, 5).fromStart());
        assertTrue(!range.fromStart());
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 4));
    }

    @Test
    void whatIsNotOneWellFormedRangeOfBytesGetsTheWholeFile() {
        for (String ignored : new String[] {
            null,
            "",
            "bytes",
            "bytes=",
            "bytes=-",
            "items=0-5",
            "bytes=5-2",
            "bytes=a-b",
            "bytes=1-x",
            "bytes=--5",
            "bytes=0-1,5-6",
            "bytes=+1-5",
            "bytes 0-5"
        }) {
            assertEquals(Optional.empty(), of(ignored, 1000), String.valueOf(ignored));
        }
    }

    @Test
    void aRangePastTheEndIsRefusedWithTheFileSize() {
        for (String[] c :
                new String[][] {{"bytes=1000-", "1000"}, {"bytes=-0", "1000"}, {"bytes=0-", "0"}, {"bytes=-5", "0"}}) {
            long size = Long.parseLong(c[1]);
            ProblemException e = assertThrows(ProblemException.class, () -> of(c[0], size), c[0]);
            assertEquals(416, e.status(), c[0]);
            assertEquals("bytes */" + size, e.headers().get("Content-Range"), c[0]);
            assertEquals("range-not-satisfiable", e.kind());
        }
    }

    @Test
    void ifRangeSendsThePartOnlyWhileTheFileIsTheOneTheReaderHasPartOf() {
        assertEquals(Optional.of(new ByteRange(10, 19)), ByteRange.requested("bytes=10-19", TAG, TAG, 100));
        assertEquals(Optional.empty(), ByteRange.requested("bytes=10-19", "\"another\"", TAG, 100), "another file");
        assertEquals(
                Optional.empty(),
                ByteRange.requested("bytes=10-19", "W/" + TAG, TAG, 100),
                "a weak tag never matches (strong comparison)");
        assertEquals(
                Optional.empty(),
                ByteRange.requested("bytes=10-19", "Sun, 06 Dec 2026 10:00:00 GMT", TAG, 100),
                "a date: no Last-Modified is ours to compare with");
        assertEquals(Optional.empty(), ByteRange.requested(null, TAG, TAG, 100), "If-Range without Range");
    }
}
