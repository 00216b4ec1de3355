package org.facsimile.vocab.terms;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;

/** DCAT 3 terms missing from Jena's {@link DCAT} (which stops at DCAT 2). */
public final class DCAT3 {
    public static final String NS = DCAT.NS;
    public static final Property version = ResourceFactory.createProperty(NS, "version");
    public static final Property hasVersion = ResourceFactory.createProperty(NS, "hasVersion");
    public static final Property isVersionOf = ResourceFactory.createProperty(NS, "isVersionOf");
    public static final Property previousVersion = ResourceFactory.createProperty(NS, "previousVersion");

    private DCAT3() {}
}
