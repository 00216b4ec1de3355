package org.facsimile.harvest.dcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.facsimile.harvest.port.PublishedCatalog;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.terms.Hydra;
import org.junit.jupiter.api.Test;

class CatalogPageTest {

    /** An in-memory repository of {@code n} published datasets. */
    static PublishedCatalog catalog(int n) {
        List<DatasetDescription> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new DatasetDescription(
                    "http://repo.test/datasets/" + i,
                    "10.5072/t." + i,
                    "Dataset " + i,
                    null,
                    List.of("A"),
                    List.of(),
                    List.of(),
                    "https://creativecommons.org/licenses/by/4.0/",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    1,
                    "Test",
                    true,
                    null,
                    List.of()));
        }
        return new PublishedCatalog() {
            @Override
            public String repositoryName() {
                return "Test";
            }

            @Override
            public String baseUrl() {
                return "http://repo.test";
            }

            @Override
            public long count() {
                return all.size();
            }

            @Override
            public java.util.Optional<DatasetDescription> dataset(String id) {
                return all.stream()
                        .filter(d -> d.uri().equals("http://repo.test/datasets/" + id))
                        .findFirst();
            }

            @Override
            public List<DatasetDescription> page(long offset, int limit) {
                return all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + limit, all.size()));
            }
        };
    }

    private static int datasets(CatalogPage page) {
        Resource catalog = page.model().getResource("http://repo.test/api/catalog");
        return catalog.listProperties(DCAT.dataset).toList().size();
    }

    @Test
    void pagesCoverTheCatalogueOnceWithLinks() {
        PublishedCatalog catalog = catalog(25);
        CatalogPage first = CatalogPage.of(catalog, 1, 10);
        assertEquals(10, datasets(first));
        assertEquals(25, first.total());
        assertEquals(2, first.next());
        assertNull(first.previous());
        CatalogPage last = CatalogPage.of(catalog, 3, 10);
        assertEquals(5, datasets(last));
        assertNull(last.next());
        assertEquals(2, last.previous());
        assertEquals(0, datasets(CatalogPage.of(catalog, 4, 10)), "past the end: an empty page, not an error");

        // the same paging in the RDF, for harvesters that read only the graph
        CatalogPage second = CatalogPage.of(catalog, 2, 10);
        Resource view = second.model().getResource("http://repo.test/api/catalog?page=2&pageSize=10");
        assertTrue(view.hasProperty(RDF.type, Hydra.PartialCollectionView));
        assertEquals(25, view.getProperty(Hydra.totalItems).getLong());
        assertEquals(
                "http://repo.test/api/catalog?page=1&pageSize=10",
                view.getPropertyResourceValue(Hydra.first).getURI());
        assertEquals(
                "http://repo.test/api/catalog?page=3&pageSize=10",
                view.getPropertyResourceValue(Hydra.last).getURI());
        assertEquals(
                "http://repo.test/api/catalog?page=3&pageSize=10",
                view.getPropertyResourceValue(Hydra.next).getURI());
        assertEquals(
                "http://repo.test/api/catalog?page=1&pageSize=10",
                view.getPropertyResourceValue(Hydra.previous).getURI());
        assertTrue(second.model().getResource("http://repo.test/api/catalog").hasProperty(Hydra.view, view));
        Resource lastView = last.model().getResource("http://repo.test/api/catalog?page=3&pageSize=10");
        assertFalse(lastView.hasProperty(Hydra.next), "no next page after the last");
    }

    @Test
    void outOfRangeRequestsAreRefused() {
        PublishedCatalog catalog = catalog(1);
        assertThrows(IllegalArgumentException.class, () -> CatalogPage.of(catalog, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> CatalogPage.of(catalog, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> CatalogPage.of(catalog, 1, CatalogPage.MAX_SIZE + 1));
    }
}
