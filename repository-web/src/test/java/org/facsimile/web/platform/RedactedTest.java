package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void messagesAreWithheldAlongTheChainButTheStackStays() {
        Exception original;
        try {
            Double.parseDouble("Jane Doe, 1 Secret Street");
            throw new AssertionError();
        } catch (NumberFormatException e) {
            original = new IllegalStateException("wrapping " + e.getMessage(), e);
        }
        Redacted redacted = Redacted.of(original);
        StringWriter log = new StringWriter();
        redacted.printStackTrace(new PrintWriter(log));
        assertFalse(log.toString().contains("Secret"), log.toString());
        assertTrue(log.toString().contains("java.lang.NumberFormatException (message withheld)"));
        assertArrayEquals(original.getStackTrace(), redacted.getStackTrace());
    }
}
