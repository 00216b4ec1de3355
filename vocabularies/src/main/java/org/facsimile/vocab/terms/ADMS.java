package org.facsimile.vocab.terms;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Asset Description Metadata Schema (ADMS), the terms DCAT-AP uses. */
public final class ADMS {
    public static final String NS = "http://www.w3.org/ns/adms#";
    public static final Resource Identifier = ResourceFactory.createResource(NS + "Identifier");
    public static final Property identifier = ResourceFactory.createProperty(NS, "identifier");
    public static final Property schemaAgency = ResourceFactory.createProperty(NS, "schemaAgency");
    public static final Property versionNotes = ResourceFactory.createProperty(NS, "versionNotes");

    private ADMS() {}
}
