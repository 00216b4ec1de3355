package org.facsimile.harvest.dcat;

import org.apache.jena.rdf.model.Model;
import org.facsimile.harvest.port.PublishedCatalog;
import org.facsimile.vocab.dcat.DcatCatalogRenderer;

/**
 * One page of the DCAT catalogue: which datasets it holds and which pages come before and after.
 *
 * @param model the catalogue page as RDF
 * @param total how many datasets the whole catalogue has
 * @param next the next page number, or null on the last page
 * @param previous the previous page number, or null on the first
 */
public record CatalogPage(Model model, long total, Integer next, Integer previous) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    /**
     * @param page 1-based page number
     * @param size datasets per page, 1 to {@link #MAX_SIZE}
     * @throws IllegalArgumentException for a page or size out of range
     */
    public static CatalogPage of(PublishedCatalog catalog, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 1 and pageSize between 1 and " + MAX_SIZE);
        }
        long total = catalog.count();
        long offset = (long) (page - 1) * size;
        Model model = new DcatCatalogRenderer()
                .render(
                        uri(catalog),
                        catalog.repositoryName(),
                        offset < total ? catalog.page(offset, size) : java.util.List.of());
        return new CatalogPage(model, total, offset + size < total ? page + 1 : null, page > 1 ? page - 1 : null);
    }

    /** The catalogue's URI. */
    public static String uri(PublishedCatalog catalog) {
        return catalog.baseUrl() + "/api/catalog";
    }
}
