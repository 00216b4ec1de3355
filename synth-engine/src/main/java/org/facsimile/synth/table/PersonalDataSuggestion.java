package org.facsimile.synth.table;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Profiling's guess that a column holds direct identifiers, from its header and a sample of its
 * values. A guess only: the inferred metadata a depositor sees marks such columns, and the
 * depositor confirms the mark or declares {@code none}. The guess errs towards marking what looks
 * personal by its values (e-mail addresses, IBANs, names under a name header) and by unambiguous
 * headers (surname, phone, ssn); a plain {@code name} over values that do not read as names, or a
 * postcode, is left unmarked: it may be a place or a product, and the coarse area a postcode gives
 * is learnt like any other category.
 */
public final class PersonalDataSuggestion {

    /** Share of sampled values that must look like the kind for the values alone to decide. */
    static final double VALUE_SHARE = 0.8;

    /** Values looked at per column: enough to judge, cheap on large tables. */
    public static final int SAMPLE = 5_000;

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}");
    /**
     * Two to four capitalised words, as names are written (O'Brien, Anne-Marie), with the particles
     * of family names between them (Pieter de Vries, Ludwig van der Berg).
     */
    private static final Pattern PERSON_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]+( ((d[aeiu]|de[lrs]?|la|le|van|von|ter|ten|bin|al|y) )*\\p{Lu}[\\p{L}'’.-]+){1,3}");

    private long seen;
    private long emails;
    private long ibans;
    private long names;

    /** Looks at one non-missing value (the first {@link #SAMPLE} only). */
    public void accept(String value) {
        if (seen >= SAMPLE) {
            return;
        }
        seen++;
        if (value.indexOf('@') > 0 && EMAIL.matcher(value).matches()) {
            emails++;
        } else if (value.length() >= 15 && IBAN.matcher(value).matches()) {
            ibans++;
        } else if (value.indexOf(' ') > 0 && PERSON_NAME.matcher(value).matches()) {
            names++;
        }
    }

    /**
     * The kind the values alone prove (e-mail addresses, IBANs), whatever the header says: a
     * declaration that such a column is not personal data is refused.
     */
    public Optional<PersonalData> provenByValues() {
        if (seen > 0 && emails >= VALUE_SHARE * seen) {
            return Optional.of(PersonalData.EMAIL);
        }
        if (seen > 0 && ibans >= VALUE_SHARE * seen) {
            return Optional.of(PersonalData.IBAN);
        }
        return Optional.empty();
    }

    /** The kind the column looks like, judged from its header and the values seen. */
    public Optional<PersonalData> suggest(String header) {
        Optional<PersonalData> proven = provenByValues();
        if (proven.isPresent()) {
            return proven;
        }
        String h = normalise(header);
        Optional<PersonalData> byHeader = byHeader(h);
        if (byHeader.isPresent()) {
            return byHeader;
        }
        boolean nameHeader = h.equals("name") || h.matches(PERSON_WORDS + "_?name");
        if (nameHeader && seen > 0 && names >= VALUE_SHARE * seen) {
            return Optional.of(PersonalData.PERSON_NAME);
        }
        return Optional.empty();
    }

    private static final String PERSON_WORDS =
            "(full|person|patient|customer|client|contact|employee|user|member|owner|student|doctor|physician|"
                    + "applicant|respondent|account_?holder)";

    /** Headers that name a direct identifier whatever the values look like. */
    static Optional<PersonalData> byHeader(String h) {
        if (h.matches("(first|given|fore|christian)_?names?|forename")) {
            return Optional.of(PersonalData.GIVEN_NAME);
        }
        if (h.matches("(last|family|sur)_?names?|surname")) {
            return Optional.of(PersonalData.FAMILY_NAME);
        }
        if (h.matches("full_?name|" + PERSON_WORDS + "_full_?name")) {
            return Optional.of(PersonalData.PERSON_NAME);
        }
        if (h.matches("(" + PERSON_WORDS + "_)?e_?mail(_?address)?")) {
            return Optional.of(PersonalData.EMAIL);
        }
        if (h.matches(
                "(" + PERSON_WORDS + "_)?(tele)?phone(_?(number|no|nr))?|(mobile|cell)(_?(phone|number|no))?|tel")) {
            return Optional.of(PersonalData.PHONE);
        }
        if (h.matches("(" + PERSON_WORDS + "_|home_|street_)?(street_?)?address(_?line_?[0-9])?|street|addr")) {
            return Optional.of(PersonalData.STREET_ADDRESS);
        }
        if (h.matches(
                "ssn|bsn|nino|sin|social_?security(_?(number|no))?|national_?(id|identity|insurance)(_?(number|no))?"
                        + "|passport(_?(number|no))?|tax_?id|personal_?(id|number)")) {
            return Optional.of(PersonalData.NATIONAL_ID);
        }
        if (h.matches("iban|bank_?account(_?(number|no))?")) {
            return Optional.of(PersonalData.IBAN);
        }
        if (h.matches("notes?|comments?|remarks?|free_?text|narrative|case_?notes?")) {
            return Optional.of(PersonalData.FREE_TEXT);
        }
        return Optional.empty();
    }

    /** Lower case, camelCase and separators as single underscores: "E-Mail Address" -> e_mail_address. */
    static String normalise(String header) {
        String h = header.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return h.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
