package org.facsimile.web.platform;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, without private data
 * @param errors where it went wrong (file, row, column), when known
 * @param incident an id to find the full story in the server log (only for 500s)
 */
public record Problem(String type, String title, int status, String detail, List<Where> errors, String incident) {

    /**
     * @param file the file concerned, or null
     * @param row the 1-based line in the file, or null
     * @param column the column concerned, or null
     * @param pointer a JSON path into the request body, or null
     * @param message what is wrong there
     */
    public record Where(String file, Long row, String column, String pointer, String message) {}

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPES = "https://w3id.org/facsimile/problems/";
}
