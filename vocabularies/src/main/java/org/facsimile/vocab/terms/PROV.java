package org.facsimile.vocab.terms;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** W3C PROV-O, the provenance terms a synthetic dataset needs. */
public final class PROV {
    public static final String NS = "http://www.w3.org/ns/prov#";
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS, "wasDerivedFrom");
    public static final Property wasGeneratedBy = ResourceFactory.createProperty(NS, "wasGeneratedBy");

    private PROV() {}
}
