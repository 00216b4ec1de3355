package org.facsimile.synth.personal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import net.datafaker.providers.base.Finance;
import org.facsimile.synth.table.PersonalData;

/**
 * Realistic fake direct identifiers in a locale, drawn with Datafaker. The values of one
 * synthetic row belong to one fake person: its name, given name, family name and e-mail agree
 * ({@code Anna Jansen}, {@code anna.jansen@example.org}), whichever columns hold them, because each
 * is drawn from the same seed (the run's seed and the row's number). The same seed gives the same
 * people, so a run is reproducible.
 *
 * <p>E-mail addresses use the domains reserved for examples (RFC 2606), so a fake address can never
 * reach anybody. Not thread-safe: one instance per column and generating thread.
 */
public final class FakePeople {

    private static final String[] MAIL_DOMAINS = {"example.org", "example.com", "example.net"};

    private final Random random = new Random();
    private final Faker faker;
    private final Locale locale;

    public FakePeople(Locale locale) {
        this.locale = locale;
        this.faker = new Faker(locale, random);
    }

    /**
     * A fake value of a kind for one synthetic row.
     *
     * @param seed the run's seed
     * @param row the row's number (the person)
     * @param attempt 0 first; a higher number draws another person, for when a draw had to be
     *     refused (it was a real value)
     */
    public String value(PersonalData kind, long seed, long row, int attempt) {
        long person = mix(mix(seed, row), attempt);
        random.setSeed(person);
        String given = faker.name().firstName();
        String family = faker.name().lastName();
        switch (kind) {
            case PERSON_NAME:
                return given + " " + family;
            case GIVEN_NAME:
                return given;
            case FAMILY_NAME:
                return family;
            case EMAIL:
                return email(given, family);
            default:
                break;
        }
        // the other kinds from a seed of their own, so adding a column changes no other
        random.setSeed(mix(person, kind.ordinal() + 1));
        return switch (kind) {
            case PHONE -> faker.phoneNumber().phoneNumber();
            case STREET_ADDRESS -> faker.address().streetAddress();
            case POSTCODE -> faker.address().postcode();
            case NATIONAL_ID -> faker.idNumber().valid();
            case IBAN -> iban();
            case FREE_TEXT -> faker.lorem().sentence(8);
            default -> throw new IllegalStateException("unhandled kind " + kind);
        };
    }

    private String email(String given, String family) {
        String g = ascii(given);
        String f = ascii(family);
        String local = switch (random.nextInt(4)) {
            case 0 -> g + "." + f;
            case 1 -> g.isEmpty() ? f : g.charAt(0) + f;
            case 2 -> g + "_" + f;
            default -> g + "." + f + (10 + random.nextInt(90));
        };
        if (local.isEmpty() || local.equals(".")) {
            local = "person" + random.nextInt(100_000);
        }
        return local + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
    }

    private String iban() {
        String country = locale.getCountry();
        return !country.isEmpty() && Finance.ibanSupportedCountries().contains(country)
                ? faker.finance().iban(country)
                : faker.finance().iban();
    }

    /** Lower-case ASCII letters of a name (accents off), for the local part of an address. */
    static String ascii(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** SplitMix64's finaliser over a pair: well-spread seeds from (seed, row). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
