package org.facsimile.vocab.dcat;

import java.io.OutputStream;
import java.time.ZoneOffset;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.ADMS;
import org.facsimile.vocab.terms.DCAT3;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.vocab.terms.FCSM;
import org.facsimile.vocab.terms.PROV;
import org.facsimile.vocab.terms.SPDX;

/** Renders a dataset version as a DCAT-AP record. */
public final class DcatRenderer {

    /** The EU's access-right authority table (PUBLIC, RESTRICTED, NON_PUBLIC). */
    static final String ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";

    /** The DOI registration agency named on DOI identifiers. */
    private static final String DOI_AGENCY = "https://doi.org";

    /** The name of a place (W3C ISA Programme Location Core Vocabulary), as DCAT-AP names a Location. */
    private static final org.apache.jena.rdf.model.Property LOCN_GEOGRAPHIC_NAME =
            org.apache.jena.rdf.model.ResourceFactory.createProperty("http://www.w3.org/ns/locn#geographicName");

    /** Adds the DCAT-AP description of {@code dataset} to {@code model} and returns its resource. */
    public Resource addTo(Model model, DatasetDescription dataset) {
        prefixes(model);
        Resource ds = model.createResource(dataset.uri(), DCAT.Dataset);
        ds.addProperty(DCTerms.title, dataset.title(), "en");
        ds.addProperty(
                DCTerms.description,
                dataset.description() == null || dataset.description().isBlank()
                        ? dataset.title()
                        : dataset.description(),
                "en");
        ds.addProperty(DCTerms.identifier, dataset.doiUrl());
        ds.addProperty(OWL.sameAs, model.createResource(dataset.doiUrl()));
        Resource identifier = model.createResource()
                .addProperty(RDF.type, ADMS.Identifier)
                .addProperty(
                        SKOS.notation, model.createTypedLiteral(dataset.doi(), "https://w3id.org/facsimile/ns#DOI"))
                .addProperty(ADMS.schemaAgency, DOI_AGENCY);
        ds.addProperty(ADMS.identifier, identifier);
        ds.addProperty(
                DCTerms.issued,
                model.createTypedLiteral(
                        dataset.issued().atOffset(ZoneOffset.UTC).toString(), XSDDatatype.XSDdateTime));
        ds.addProperty(DCAT3.version, Integer.toString(dataset.version()));
        versions(model, ds, dataset.versioning());
        ds.addProperty(DCAT.landingPage, model.createResource(dataset.uri()).addProperty(RDF.type, FOAF.Document));
        Resource publisher =
                model.createResource().addProperty(RDF.type, FOAF.Agent).addProperty(FOAF.name, dataset.publisher());
        ds.addProperty(DCTerms.publisher, publisher);
        for (Creator creator : dataset.people()) {
            // a person with an ORCID iD is that iD's resource; anyone else a blank node
            Resource agent = creator.orcid() == null ? model.createResource() : model.createResource(creator.orcid());
            ds.addProperty(
                    DCTerms.creator, agent.addProperty(RDF.type, FOAF.Agent).addProperty(FOAF.name, creator.name()));
        }
        for (String keyword : dataset.keywords()) {
            ds.addProperty(DCAT.keyword, keyword, "en");
        }
        for (DataTheme subject : dataset.subjects()) {
            ds.addProperty(
                    DCAT.theme,
                    model.createResource(subject.uri(), SKOS.Concept)
                            .addProperty(SKOS.prefLabel, subject.label(), "en")
                            .addProperty(
                                    SKOS.inScheme,
                                    model.createResource(DataTheme.SCHEME, SKOS.ConceptScheme)
                                            .addProperty(DCTerms.title, "Data theme", "en")));
        }
        Coverage coverage = dataset.coverage();
        if (coverage.hasPeriod()) {
            Resource period = model.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime);
            if (coverage.start() != null) {
                period.addProperty(
                        DCAT.startDate,
                        model.createTypedLiteral(coverage.start().toString(), XSDDatatype.XSDdate));
            }
            if (coverage.end() != null) {
                period.addProperty(
                        DCAT.endDate, model.createTypedLiteral(coverage.end().toString(), XSDDatatype.XSDdate));
            }
            ds.addProperty(DCTerms.temporal, period);
        }
        if (coverage.place() != null) {
            ds.addProperty(
                    DCTerms.spatial,
                    model.createResource()
                            .addProperty(RDF.type, DCTerms.Location)
                            .addProperty(LOCN_GEOGRAPHIC_NAME, coverage.place(), "en")
                            .addProperty(SKOS.prefLabel, coverage.place(), "en"));
        }
        Resource licence = model.createResource(dataset.licence()).addProperty(RDF.type, DCTerms.LicenseDocument);
        if (dataset.synthetic()) {
            ds.addProperty(
                    DCTerms.type,
                    model.createResource(FCSM.SyntheticData.getURI(), SKOS.Concept)
                            .addProperty(SKOS.prefLabel, "synthetic data", "en"));
            ds.addProperty(DCAT.keyword, "synthetic data", "en");
        }
        if (dataset.derivedFrom() != null) {
            // Only a public input is ever named. Not dct:source: DCAT-AP would require the input's
            // own title and description, which belong to its publisher's record.
            ds.addProperty(PROV.wasDerivedFrom, model.createResource(dataset.derivedFrom()));
        }
        // EU access-right table: the data files of an embargoed version are closed until its date
        ds.addProperty(
                DCTerms.accessRights,
                model.createResource(ACCESS_RIGHT + (dataset.embargo() == null ? "PUBLIC" : "RESTRICTED"))
                        .addProperty(RDF.type, DCTerms.RightsStatement));
        for (DistributionDescription file : dataset.distributions()) {
            Resource distribution = model.createResource(file.downloadUrl() + "#distribution", DCAT.Distribution)
                    .addProperty(DCAT.accessURL, model.createResource(file.downloadUrl(), RDFS.Resource))
                    .addProperty(DCAT.downloadURL, model.createResource(file.downloadUrl(), RDFS.Resource))
                    .addProperty(
                            DCAT.mediaType,
                            model.createResource("http://www.iana.org/assignments/media-types/" + file.mediaType())
                                    .addProperty(RDF.type, DCTerms.MediaType))
                    .addLiteral(
                            DCAT.byteSize,
                            model.createTypedLiteral(Long.toString(file.byteSize()), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(DCTerms.license, licence)
                    .addProperty(
                            SPDX.checksum,
                            model.createResource()
                                    .addProperty(RDF.type, SPDX.Checksum)
                                    .addProperty(
                                            SPDX.algorithm,
                                            model.createResource(
                                                    SPDX.checksumAlgorithm_sha256.getURI(), SPDX.ChecksumAlgorithm))
                                    .addProperty(
                                            SPDX.checksumValue,
                                            model.createTypedLiteral(file.sha256(), XSDDatatype.XSDhexBinary)));
            if (file.title() != null) {
                distribution.addProperty(DCTerms.title, file.title(), "en");
            }
            if (file.conformsTo() != null) {
                distribution.addProperty(
                        DCTerms.conformsTo,
                        model.createResource(file.conformsTo()).addProperty(RDF.type, DCTerms.Standard));
            }
            if (file.available() != null) {
                distribution.addProperty(
                        DCTerms.available,
                        model.createTypedLiteral(file.available().toString(), XSDDatatype.XSDdate));
                distribution.addProperty(
                        DCTerms.rights,
                        model.createResource()
                                .addProperty(RDF.type, DCTerms.RightsStatement)
                                .addProperty(
                                        RDFS.label,
                                        dataset.embargo() == null
                                                ? "The file opens on " + file.available()
                                                : dataset.embargo().inWords(),
                                        "en"));
            }
            ds.addProperty(DCAT.distribution, distribution);
        }
        return ds;
    }

    /** A model holding only {@code dataset}'s record. */
    public Model render(DatasetDescription dataset) {
        Model model = ModelFactory.createDefaultModel();
        addTo(model, dataset);
        return model;
    }

    /** Writes {@code dataset}'s record in {@code lang} (Turtle, RDF/XML, JSON-LD, N-Triples). */
    public void write(DatasetDescription dataset, Lang lang, OutputStream out) {
        RDFDataMgr.write(out, render(dataset), lang);
    }

    static void prefixes(Model model) {
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF.NS);
        model.setNsPrefix("adms", ADMS.NS);
        model.setNsPrefix("spdx", SPDX.NS);
        model.setNsPrefix("prov", PROV.NS);
        model.setNsPrefix("fcsm", FCSM.NS);
        model.setNsPrefix("owl", OWL.NS);
        model.setNsPrefix("skos", SKOS.uri);
        model.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
    }

    /**
     * DCAT 3's version relations: the dataset as a whole (dcterms:isVersionOf, the inverse of
     * dcat:hasVersion), the version before (dcat:previousVersion) and the one that replaced it.
     */
    private static void versions(Model model, Resource ds, Versioning versioning) {
        if (versioning.conceptUri() != null) {
            ds.addProperty(DCTerms.isVersionOf, model.createResource(versioning.conceptUri()));
        }
        if (versioning.previousUri() != null) {
            ds.addProperty(DCAT3.previousVersion, model.createResource(versioning.previousUri()));
        }
        if (versioning.nextUri() != null) {
            ds.addProperty(DCTerms.isReplacedBy, model.createResource(versioning.nextUri()));
        }
    }
}
