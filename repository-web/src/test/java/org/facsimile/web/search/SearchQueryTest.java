package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.facsimile.web.search.SearchQuery.Clause;
import org.facsimile.web.search.SearchQuery.Field;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void wordsPhrasesExclusionsAndFields() throws Exception {
        SearchQuery q = SearchQuery.parse(
                "  census \"median income\" -draft title:adult column:\"hours per week\" -licence:cc0-1.0 year:2026");
        assertEquals(
                List.of(
                        new Clause(null, "census", false, false),
                        new Clause(null, "median income", true, false),
                        new Clause(null, "draft", false, true),
                        new Clause(Field.TITLE, "adult", false, false),
                        new Clause(Field.COLUMN, "hours per week", true, false),
                        new Clause(Field.LICENCE, "cc0-1.0", false, true),
                        new Clause(Field.YEAR, "2026", false, false)),
                q.clauses());
    }

    @Test
    void emptyAndBlankQueriesMatchEverything() throws Exception {
        assertTrue(SearchQuery.parse(null).isEmpty());
        assertTrue(SearchQuery.parse("   ").isEmpty());
    }

    @Test
    void aColonInsideAValueOrAfterANonFieldIsJustText() throws Exception {
        assertEquals(
                List.of(new Clause(Field.DOI, "10.5072/fcsm.x:y", false, false)),
                SearchQuery.parse("doi:10.5072/fcsm.x:y").clauses());
        assertEquals(
                List.of(new Clause(null, "12:30", false, false)),
                SearchQuery.parse("12:30").clauses());
        assertEquals(
                Field.LICENCE,
                SearchQuery.parse("License:cc0-1.0").clauses().get(0).field());
    }

    @Test
    void brokenQueriesSayWhatAndWhere() {
        assertInvalid("census \"median income", 8, "never closed");
        assertInvalid("census - draft", 8, "nothing follows '-'");
        assertInvalid("colour:red", 1, "unknown field 'colour'");
        assertInvalid("title: adult", 7, "no value after 'title:'");
        assertInvalid("year:last", 1, "four-digit year");
        assertInvalid("\"\"", 1, "empty phrase");
        assertInvalid("ab\"cd", 3, "quote inside a word");
        assertInvalid("w ".repeat(SearchQuery.MAX_CLAUSES + 1), 2 * SearchQuery.MAX_CLAUSES + 1, "more than");
    }

    private static void assertInvalid(String query, int position, String message) {
        SearchQuery.Invalid e = assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse(query), query);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(position, e.position(), query + ": " + e.getMessage());
    }
}
