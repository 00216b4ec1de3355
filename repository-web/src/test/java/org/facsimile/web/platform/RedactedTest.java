package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void messagesAreWithheldAlongTheChainButTheStackStays() {
        // a library wraps a library failure, each message quoting the data
        CompletionException original = Assertions.assertThrows(
                CompletionException.class,
                () -> CompletableFuture.supplyAsync(() -> Double.parseDouble("Jane Doe, 1 Secret Street"))
                        .join());
        assertTrue(original.getMessage().contains("Secret"), "the premise: library messages quote data");
        Redacted redacted = Redacted.of(original);
        StringWriter log = new StringWriter();
        redacted.printStackTrace(new PrintWriter(log));
        assertFalse(log.toString().contains("Secret"), log.toString());
        assertTrue(log.toString().contains("java.lang.NumberFormatException (message withheld)"));
        assertArrayEquals(original.getStackTrace(), redacted.getStackTrace());
    }

    @Test
    void ourOwnMessagesAreKept() {
        IllegalStateException own = new IllegalStateException("DOI 10.5072/x was never reserved");
        assertTrue(
                Redacted.of(own).getMessage().endsWith("DOI 10.5072/x was never reserved"),
                "thrown here, in org.facsimile");
    }
}
