package org.facsimile.vocab.csvw;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

/**
 * W3C "Generating RDF from Tabular Data on the Web" (csv2rdf), minimal mode: each row becomes a
 * resource (a blank node), each non-missing cell a triple whose predicate is
 * {@code <table url>#<column name>} and whose object is a literal typed by the column's datatype.
 * Rows are streamed to a {@link StreamRDF}, so memory stays flat in the number of rows.
 */
public final class Csv2Rdf {

    private static final Map<String, RDFDatatype> DATATYPES = Map.ofEntries(
            Map.entry("integer", XSDDatatype.XSDinteger),
            Map.entry("long", XSDDatatype.XSDlong),
            Map.entry("int", XSDDatatype.XSDint),
            Map.entry("short", XSDDatatype.XSDshort),
            Map.entry("byte", XSDDatatype.XSDbyte),
            Map.entry("nonNegativeInteger", XSDDatatype.XSDnonNegativeInteger),
            Map.entry("positiveInteger", XSDDatatype.XSDpositiveInteger),
            Map.entry("decimal", XSDDatatype.XSDdecimal),
            Map.entry("double", XSDDatatype.XSDdouble),
            Map.entry("number", XSDDatatype.XSDdouble),
            Map.entry("float", XSDDatatype.XSDfloat),
            Map.entry("boolean", XSDDatatype.XSDboolean),
            Map.entry("date", XSDDatatype.XSDdate),
            Map.entry("dateTime", XSDDatatype.XSDdateTime),
            Map.entry("datetime", XSDDatatype.XSDdateTime),
            Map.entry("time", XSDDatatype.XSDtime),
            Map.entry("anyURI", XSDDatatype.XSDanyURI));

    private final CsvwTable table;
    private final Node[] predicates;
    private final RDFDatatype[] datatypes;
    private final StreamRDF out;

    /**
     * @param table the table's description; its url is resolved against {@code base}
     * @param base the absolute URL the table's url is relative to
     */
    public Csv2Rdf(CsvwTable table, String base, StreamRDF out) {
        this.table = table;
        this.out = out;
        String url = java.net.URI.create(base).resolve(table.url()).toString();
        List<CsvwColumn> columns = table.columns();
        predicates = new Node[columns.size()];
        datatypes = new RDFDatatype[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            predicates[c] =
                    NodeFactory.createURI(url + "#" + encode(columns.get(c).name()));
            datatypes[c] = DATATYPES.get(columns.get(c).datatype());
        }
    }

    /** Emits the triples of one row; cells equal to one of the column's null markers are left out. */
    public void row(String[] cells) {
        Node subject = NodeFactory.createBlankNode();
        for (int c = 0; c < predicates.length; c++) {
            String cell = cells[c];
            if (cell == null || table.columns().get(c).nullMarkers().contains(cell)) {
                continue;
            }
            Node object = datatypes[c] == null
                    ? NodeFactory.createLiteralString(cell)
                    : NodeFactory.createLiteralDT(cell, datatypes[c]);
            out.triple(Triple.create(subject, predicates[c], object));
        }
    }

    /** Column names in predicate URIs are percent-encoded as URI template variables are. */
    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
