package org.facsimile.synth.table;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of direct identifier a column can hold. A column of one of these kinds is never
 * learnt: its synthetic values are realistic fakes of the same kind ({@code personal.FakePeople}), and none
 * of them is a value of the real column. Each kind has the token depositors write in their CSVW
 * ({@code "fcsm:personalData": "email"}); {@code none} says a column is not personal data.
 */
public enum PersonalData {
    PERSON_NAME("person-name", "a person's full name"),
    GIVEN_NAME("given-name", "a given name"),
    FAMILY_NAME("family-name", "a family name"),
    EMAIL("email", "an e-mail address"),
    PHONE("phone", "a telephone number"),
    STREET_ADDRESS("street-address", "a street address"),
    POSTCODE("postcode", "a postcode"),
    NATIONAL_ID("national-id", "a national identity number"),
    IBAN("iban", "a bank account number (IBAN)"),
    /** Free text that may name people (notes, comments): replaced by neutral sentences. */
    FREE_TEXT("free-text", "free text that may name people");

    /** The token a declaration uses to say a column holds no direct identifier. */
    public static final String NONE = "none";

    private final String token;
    private final String description;

    PersonalData(String token, String description) {
        this.token = token;
        this.description = description;
    }

    /** The token written in CSVW metadata and reports. */
    public String token() {
        return token;
    }

    /** What such a value is, for messages and reports. */
    public String description() {
        return description;
    }

    /** The kind a token names (case-insensitive); empty for unknown tokens and for {@link #NONE}. */
    public static Optional<PersonalData> ofToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.token.equals(t)).findFirst();
    }

    /** Every token a declaration may use, {@link #NONE} included, for messages. */
    public static String tokens() {
        return String.join(
                        ", ", Arrays.stream(values()).map(PersonalData::token).toList()) + ", " + NONE;
    }
}
