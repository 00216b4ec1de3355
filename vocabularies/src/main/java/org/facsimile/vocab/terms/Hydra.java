package org.facsimile.vocab.terms;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Hydra Core terms for paging a collection, as DCAT catalogue endpoints (ckanext-dcat) use them. */
public final class Hydra {
    public static final String NS = "http://www.w3.org/ns/hydra/core#";
    public static final Resource PartialCollectionView = ResourceFactory.createResource(NS + "PartialCollectionView");
    public static final Property view = ResourceFactory.createProperty(NS, "view");
    public static final Property totalItems = ResourceFactory.createProperty(NS, "totalItems");
    public static final Property itemsPerPage = ResourceFactory.createProperty(NS, "itemsPerPage");
    public static final Property first = ResourceFactory.createProperty(NS, "first");
    public static final Property last = ResourceFactory.createProperty(NS, "last");
    public static final Property next = ResourceFactory.createProperty(NS, "next");
    public static final Property previous = ResourceFactory.createProperty(NS, "previous");

    private Hydra() {}
}
