package org.facsimile.web.platform;

/**
 * A copy of an exception for logging, without the messages of exceptions thrown by libraries:
 * those can quote the data they failed on (a number parser quotes the cell), and private data must
 * never reach a log. Messages of exceptions thrown by Facsimile's own code are kept: by rule they
 * name no data. Class names and stack traces are kept for all.
 */
public final class Redacted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private Redacted(Throwable original) {
        super(
                ownCode(original)
                        ? original.getClass().getName() + ": " + original.getMessage()
                        : original.getClass().getName() + " (message withheld)",
                original.getCause() == null ? null : of(original.getCause()),
                false,
                true);
        setStackTrace(original.getStackTrace());
    }

    private static boolean ownCode(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("org.facsimile.");
    }

    /** The exception chain with the messages of library exceptions withheld. */
    public static Redacted of(Throwable original) {
        return original instanceof Redacted r ? r : new Redacted(original);
    }
}
