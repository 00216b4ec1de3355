package org.facsimile.synth.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.facsimile.synth.table.PersonalData;
import org.junit.jupiter.api.Test;

class FakePeopleTest {

    @Test
    void theValuesOfOneRowBelongToOnePerson() {
        FakePeople fakes = new FakePeople(Locale.ENGLISH);
        for (long row = 0; row < 200; row++) {
            String given = fakes.value(PersonalData.GIVEN_NAME, 7, row, 0);
            String family = fakes.value(PersonalData.FAMILY_NAME, 7, row, 0);
            assertEquals(given + " " + family, fakes.value(PersonalData.PERSON_NAME, 7, row, 0));
            String email = fakes.value(PersonalData.EMAIL, 7, row, 0);
            assertTrue(email.contains(FakePeople.ascii(family)), email + " is " + family + "'s address");
            assertTrue(email.matches("[a-z._0-9]+@example\\.(org|com|net)"), "reserved domains only: " + email);
        }
    }

    @Test
    void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
        FakePeople a = new FakePeople(Locale.ENGLISH);
        FakePeople b = new FakePeople(Locale.ENGLISH);
        Set<String> first = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (long row = 0; row < 100; row++) {
            for (PersonalData kind : PersonalData.values()) {
                assertEquals(a.value(kind, 1, row, 0), b.value(kind, 1, row, 0), kind + " row " + row);
            }
            first.add(a.value(PersonalData.PHONE, 1, row, 0));
            other.add(a.value(PersonalData.PHONE, 2, row, 0));
        }
        assertTrue(first.size() > 90, "varied: " + first.size());
        assertNotEquals(first, other);
    }

    @Test
    void eachKindLooksLikeItself() {
        FakePeople nl = new FakePeople(Locale.forLanguageTag("nl-NL"));
        assertTrue(nl.value(PersonalData.IBAN, 3, 0, 0).startsWith("NL"), "a Dutch IBAN in nl-NL");
        assertTrue(nl.value(PersonalData.STREET_ADDRESS, 3, 0, 0).matches(".*\\d.*"), "a house number");
        assertTrue(nl.value(PersonalData.FREE_TEXT, 3, 0, 0).endsWith("."), "a sentence");
        assertTrue(nl.value(PersonalData.NATIONAL_ID, 3, 0, 0).matches(".*\\d.*"));
    }
}
