package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataSuggestionTest {

    private static Optional<PersonalData> suggest(String header, String... values) {
        PersonalDataSuggestion s = new PersonalDataSuggestion();
        for (String v : values) {
            s.accept(v);
        }
        return s.suggest(header);
    }

    @Test
    void eMailAddressesAreFoundByTheirValuesWhateverTheHeader() {
        assertEquals(
                Optional.of(PersonalData.EMAIL),
                suggest("contact", "ann.lee@uni.example", "b.ross@mail.example", "c@d.example", "dan+x@e.example"));
    }

    @Test
    void ibansAreFoundByTheirValues() {
        assertEquals(
                Optional.of(PersonalData.IBAN),
                suggest("account", "NL91ABNA0417164300", "DE89370400440532013000", "GB29NWBK60161331926819"));
    }

    @ParameterizedTest
    @CsvSource({
        "Surname, family-name",
        "last_name, family-name",
        "FirstName, given-name",
        "E-Mail Address, email",
        "phoneNumber, phone",
        "mobile, phone",
        "street_address, street-address",
        "SSN, national-id",
        "passport_no, national-id",
        "notes, free-text",
        "full name, person-name",
    })
    void unambiguousHeadersAreEnough(String header, String token) {
        assertEquals(PersonalData.ofToken(token), suggest(header, "x1", "x2"));
    }

    @Test
    void aNameHeaderNeedsValuesThatReadAsNames() {
        assertEquals(
                Optional.of(PersonalData.PERSON_NAME),
                suggest("patient_name", "Anna Jansen", "Pieter de Vries", "Maria García López", "John O'Brien"));
        // a plain "name" over products or places is not personal data
        assertEquals(Optional.empty(), suggest("name", "widget", "bolt 3mm", "gear", "spring"));
        assertEquals(Optional.empty(), suggest("station_name", "Central Park", "Grand Central", "Penn Station"));
        assertEquals(Optional.empty(), suggest("postcode", "1012 AB", "3511 CD"));
    }

    @Test
    void profilingAProposesTheMarksInTheInferredSpec() throws Exception {
        String csv = "id,email,surname,age\n"
                + "1,ann@x.example,Lee,34\n"
                + "2,bob@y.example,Ross,51\n"
                + "3,cy@z.example,Ng,27\n";
        TableSpec spec = CsvTables.inspect(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "p.csv", StandardCharsets.UTF_8)
                .spec();
        assertEquals(null, spec.column(0).personal(), "a key is a key");
        assertEquals(PersonalData.EMAIL, spec.column(1).personal());
        assertEquals(PersonalData.FAMILY_NAME, spec.column(2).personal());
        assertEquals(null, spec.column(3).personal());
    }
}
