package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.junit.jupiter.api.Test;

class DepositMetadataTest {

    @Test
    void everyProblemIsReportedWithItsPointer() {
        DepositMetadata bad = new DepositMetadata(
                " ",
                null,
                List.of("Ann", " "),
                List.of(""),
                List.of("HEAL", "heal"),
                "proprietary",
                "ftp://x",
                null,
                null,
                null,
                null,
                null);
        ProblemException e = assertThrows(ProblemException.class, bad::validated);
        assertEquals(422, e.status());
        List<String> pointers =
                e.toProblem().errors().stream().map(Problem.Where::pointer).toList();
        assertEquals(
                List.of("$.title", "$.creators[1]", "$.keywords[0]", "$.subjects", "$.licence", "$.sourceUrl"),
                pointers);
        DepositMetadata unknown = new DepositMetadata(
                "T", null, null, null, List.of("SOCI", "MEDICINE"), null, null, null, null, null, null, null);
        ProblemException subject = assertThrows(ProblemException.class, unknown::validated);
        assertEquals("$.subjects[1]", subject.toProblem().errors().get(0).pointer());
        DepositMetadata orcid = new DepositMetadata(
                "T",
                null,
                List.of("Carberry, Josiah 0000-0002-1825-0097", "Lab, Ann 0000-0002-1825-0098", "0000-0002-1825-0097"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        List<Problem.Where> ids = assertThrows(ProblemException.class, orcid::validated)
                .toProblem()
                .errors();
        assertEquals(
                List.of("$.creators[1]", "$.creators[2]"),
                ids.stream().map(Problem.Where::pointer).toList());
        assertEquals(
                "the ORCID iD 0000-0002-1825-0098 has a wrong check digit",
                ids.get(0).message());
        DepositMetadata period = new DepositMetadata(
                "T", null, null, null, null, null, null, "2020-02-30", "2019-01-01", "x".repeat(501), null, null);
        List<Problem.Where> when = assertThrows(ProblemException.class, period::validated)
                .toProblem()
                .errors();
        assertEquals(
                List.of("$.temporalStart", "$.spatial"),
                when.stream().map(Problem.Where::pointer).toList());
        DepositMetadata backwards = new DepositMetadata(
                "T", null, null, null, null, null, null, "2020-02-01", "2019-01-01", null, null, null);
        assertEquals(
                "the period covered ends before it starts",
                assertThrows(ProblemException.class, backwards::validated)
                        .toProblem()
                        .errors()
                        .get(0)
                        .message());
    }

    @Test
    void goodMetadataPasses() {
        DepositMetadata ok = new DepositMetadata(
                "Census",
                "d",
                List.of("Ann"),
                List.of("k"),
                List.of("heal", " SOCI "),
                DepositMetadata.LICENCES.get(1),
                "https://example.org/data",
                null,
                null,
                null,
                null,
                null);
        assertEquals(ok, ok.validated());
        assertEquals(List.of("HEAL", "SOCI"), ok.subjects());
        assertEquals(List.of(DataTheme.HEAL, DataTheme.SOCI), ok.themes());
    }

    @Test
    void fileNamesArePlainCsvNames() {
        assertEquals("census 2020 (v2).csv", Uploads.checkFileName("census 2020 (v2).csv"));
        assertEquals("visits.jsonl", Uploads.checkFileName("visits.jsonl"), "a nested document");
        for (String bad : new String[] {
            "../x.csv",
            "a/b.csv",
            "a\\b.csv",
            ".csv",
            "x.CSV.exe",
            "x.txt",
            "x\u0000.csv",
            "",
            "x.json.exe",
            "../x.json"
        }) {
            assertThrows(ProblemException.class, () -> Uploads.checkFileName(bad), bad);
        }
    }

    private static DepositMetadata embargo(String until, String reason) {
        return new DepositMetadata("T", null, null, null, null, null, null, null, null, null, until, reason);
    }

    private static List<String> problems(DepositMetadata m) {
        return assertThrows(ProblemException.class, () -> m.validated(LocalDate.parse("2026-12-07"), () -> 36))
                .toProblem()
                .errors()
                .stream()
                .map(w -> w.pointer() + ": " + w.message())
                .toList();
    }

    @Test
    void anEmbargoEndsAfterTodayWithinTheLimitAndSaysWhy() {
        DepositMetadata fine = embargo("2027-03-01", " the article is under review ");
        assertEquals(fine, fine.validated(LocalDate.parse("2026-12-07"), () -> 36));
        assertEquals(new Embargo(LocalDate.parse("2027-03-01"), "the article is under review"), fine.embargo());
        assertEquals(null, fine.withoutEmbargo().embargo());
        assertEquals(
                List.of("$.embargoUntil: an embargo ends after today (2026-12-07, UTC)"),
                problems(embargo("2026-12-07", "late")));
        assertEquals(
                List.of("$.embargoUntil: an embargo may last 36 months at most"),
                problems(embargo("2029-12-08", "long")));
        assertEquals(
                List.of("$.embargoReason: say why the files are closed: readers see the reason"),
                problems(embargo("2027-01-01", " ")));
        assertEquals(
                List.of("$.embargoUntil: an embargo reason needs the day the files open"),
                problems(embargo(null, "why")));
        assertEquals(List.of("$.embargoUntil: a date is written as YYYY-MM-DD"), problems(embargo("1/3/2027", "x")));
        assertEquals(
                List.of("$.embargoReason: the reason is longer than 1,000 characters"),
                problems(embargo("2027-01-01", "x".repeat(1001))));
    }
}
