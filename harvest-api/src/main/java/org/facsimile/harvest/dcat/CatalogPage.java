package org.facsimile.harvest.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.facsimile.harvest.port.PublishedCatalog;
import org.facsimile.vocab.dcat.DcatCatalogRenderer;
import org.facsimile.vocab.terms.Hydra;

/**
 * One page of the DCAT catalogue: which datasets it holds and which pages come before and after,
 * the latter also in the RDF as a Hydra {@code PartialCollectionView} (first, last, next,
 * previous, total items), as ckanext-dcat pages its catalogue, so an RDF-only harvester can walk
 * it without reading HTTP headers.
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
        Integer next = offset + size < total ? page + 1 : null;
        Integer previous = page > 1 ? page - 1 : null;
        long lastPage = Math.max(1, (total + size - 1) / size);
        String catalogUri = uri(catalog);
        Resource view = model.createResource(pageUri(catalogUri, page, size))
                .addProperty(RDF.type, Hydra.PartialCollectionView)
                .addLiteral(Hydra.totalItems, total)
                .addLiteral(Hydra.itemsPerPage, (long) size)
                .addProperty(Hydra.first, model.createResource(pageUri(catalogUri, 1, size)))
                .addProperty(Hydra.last, model.createResource(pageUri(catalogUri, lastPage, size)));
        if (next != null) {
            view.addProperty(Hydra.next, model.createResource(pageUri(catalogUri, next, size)));
        }
        if (previous != null) {
            view.addProperty(Hydra.previous, model.createResource(pageUri(catalogUri, previous, size)));
        }
        model.getResource(catalogUri).addProperty(Hydra.view, view).addLiteral(Hydra.totalItems, total);
        model.setNsPrefix("hydra", Hydra.NS);
        return new CatalogPage(model, total, next, previous);
    }

    /** The URI of one page of the catalogue. */
    public static String pageUri(String catalogUri, long page, int size) {
        return catalogUri + "?page=" + page + "&pageSize=" + size;
    }

    /** The catalogue's URI. */
    public static String uri(PublishedCatalog catalog) {
        return catalog.baseUrl() + "/api/catalog";
    }
}
