package org.facsimile.vocab.terms;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** SPDX terms for file checksums, as DCAT-AP uses them. */
public final class SPDX {
    public static final String NS = "http://spdx.org/rdf/terms#";
    public static final Resource Checksum = ResourceFactory.createResource(NS + "Checksum");
    public static final Resource ChecksumAlgorithm = ResourceFactory.createResource(NS + "ChecksumAlgorithm");
    public static final Property checksum = ResourceFactory.createProperty(NS, "checksum");
    public static final Property algorithm = ResourceFactory.createProperty(NS, "algorithm");
    public static final Property checksumValue = ResourceFactory.createProperty(NS, "checksumValue");
    public static final Resource checksumAlgorithm_sha256 =
            ResourceFactory.createResource(NS + "checksumAlgorithm_sha256");

    private SPDX() {}
}
