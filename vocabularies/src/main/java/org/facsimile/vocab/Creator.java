package org.facsimile.vocab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A creator as a depositor writes one line of the creators list: a name ({@code Family, Given}),
 * optionally followed by the person's ORCID iD, bare ({@code 0000-0002-1825-0097}), in
 * parentheses, or as its URI ({@code https://orcid.org/0000-0002-1825-0097}). Every metadata
 * form renders the name, and the ORCID iD where the form has a place for one (DataCite
 * nameIdentifier, the DCAT creator's IRI, schema.org {@code @id}).
 *
 * @param name the name without the iD
 * @param orcid the ORCID iD as its URI ({@code https://orcid.org/...}), or null
 */
public record Creator(String name, String orcid) {

    /** The URI prefix of an ORCID iD. */
    public static final String ORCID = "https://orcid.org/";

    private static final Pattern TRAILING_ID = Pattern.compile(
            "\\s*[(<\\[]?\\s*(?:(?:https?://)?orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])\\s*[)>\\]]?\\s*$");

    /** A line of the creators list, its ORCID iD taken off the end when it has a valid one. */
    public static Creator parse(String line) {
        String text = line == null ? "" : line.strip();
        Matcher id = TRAILING_ID.matcher(text);
        if (id.find() && checksumHolds(id.group(1))) {
            String name = text.substring(0, id.start())
                    .strip()
                    .replaceAll("[,;]$", "")
                    .strip();
            return new Creator(name, ORCID + id.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        return new Creator(text, null);
    }

    /**
     * The iD at the end of a line that looks like an ORCID iD but whose check digit is wrong (a
     * typing slip the depositor should hear of), if there is one.
     */
    public static Optional<String> mistypedOrcid(String line) {
        Matcher id = TRAILING_ID.matcher(line == null ? "" : line.strip());
        return id.find() && !checksumHolds(id.group(1)) ? Optional.of(id.group(1)) : Optional.empty();
    }

    /** ISO 7064 MOD 11-2 over the 15 digits, as ORCID defines its check character. */
    static boolean checksumHolds(String id) {
        String digits = id.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        char expected = result == 10 ? 'X' : (char) ('0' + result);
        return Character.toUpperCase(digits.charAt(15)) == expected;
    }

    /** The bare iD ({@code 0000-0002-1825-0097}), or null. */
    public String orcidId() {
        return orcid == null ? null : orcid.substring(ORCID.length());
    }
}
