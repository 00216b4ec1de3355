package org.facsimile.web.platform;

/**
 * A copy of an exception without its messages, for logging. Messages of library exceptions can
 * quote the data they failed on (a number parser quotes the cell), and private data must never
 * reach a log; class names and stack traces are enough to find the fault.
 */
public final class Redacted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private Redacted(Throwable original) {
        super(
                original.getClass().getName() + " (message withheld)",
                original.getCause() == null ? null : of(original.getCause()),
                false,
                true);
        setStackTrace(original.getStackTrace());
    }

    /** The exception chain with every message withheld. */
    public static Redacted of(Throwable original) {
        return original instanceof Redacted r ? r : new Redacted(original);
    }
}
