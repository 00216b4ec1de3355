package org.facsimile.vocab.dcat;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.facsimile.vocab.DatasetDescription;

/** Renders the repository's catalogue (or one page of it) as a dcat:Catalog with its datasets. */
public final class DcatCatalogRenderer {

    private final DcatRenderer datasets = new DcatRenderer();

    /**
     * @param catalogUri the catalogue's URI
     * @param title the repository's name
     * @param page the datasets on this page
     */
    public Model render(String catalogUri, String title, List<DatasetDescription> page) {
        Model model = ModelFactory.createDefaultModel();
        DcatRenderer.prefixes(model);
        Resource catalog = model.createResource(catalogUri, DCAT.Catalog)
                .addProperty(DCTerms.title, title, "en")
                .addProperty(DCTerms.description, title + ": synthetic twins of private research datasets", "en")
                .addProperty(
                        DCTerms.publisher,
                        model.createResource().addProperty(RDF.type, FOAF.Agent).addProperty(FOAF.name, title));
        for (DatasetDescription dataset : page) {
            catalog.addProperty(DCAT.dataset, datasets.addTo(model, dataset));
        }
        return model;
    }
}
