package org.facsimile.harvest.oai;

/** A protocol error; the provider turns it into an {@code <error code="...">} element in one place. */
public final class OaiException extends Exception {

    private static final long serialVersionUID = 1L;
    private final OaiError code;

    public OaiException(OaiError code, String message) {
        super(message);
        this.code = code;
    }

    public OaiError code() {
        return code;
    }
}
