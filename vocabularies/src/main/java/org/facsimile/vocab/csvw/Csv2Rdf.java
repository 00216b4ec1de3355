package org.facsimile.vocab.csvw;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

/**
 * W3C "Generating RDF from Tabular Data on the Web" (csv2rdf). Minimal mode: each row becomes a
 * resource (a blank node), each non-missing cell a triple whose predicate is
 * {@code <table url>#<column name>} and whose object is a literal typed by the column's datatype.
 * Standard mode ({@link #standard}) adds the tabular structure around it: a {@code csvw:TableGroup}
 * with its {@code csvw:Table} ({@code csvw:url}), and per row a {@code csvw:Row} with its
 * {@code csvw:rownum}, its {@code csvw:url} ({@code #row=} the line in the file) and the row's
 * resource as {@code csvw:describes}. Rows are streamed to a {@link StreamRDF}, so memory stays
 * flat in the number of rows.
 */
public final class Csv2Rdf {

    static final String CSVW = "http://www.w3.org/ns/csvw#";
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node TABLE_GROUP = NodeFactory.createURI(CSVW + "TableGroup");
    private static final Node TABLE = NodeFactory.createURI(CSVW + "Table");
    private static final Node ROW = NodeFactory.createURI(CSVW + "Row");
    private static final Node HAS_TABLE = NodeFactory.createURI(CSVW + "table");
    private static final Node HAS_ROW = NodeFactory.createURI(CSVW + "row");
    private static final Node URL = NodeFactory.createURI(CSVW + "url");
    private static final Node ROWNUM = NodeFactory.createURI(CSVW + "rownum");
    private static final Node DESCRIBES = NodeFactory.createURI(CSVW + "describes");

    private final CsvwTable table;
    private final Node[] predicates;
    private final RDFDatatype[] datatypes;
    private final StreamRDF out;
    private final String url;
    /** The csvw:Table node in standard mode; null in minimal mode. */
    private final Node tableNode;

    private long rownum;

    /**
     * @param table the table's description; its url is resolved against {@code base}
     * @param base the absolute URL the table's url is relative to
     */
    public Csv2Rdf(CsvwTable table, String base, StreamRDF out) {
        this(table, base, out, false);
    }

    /** Standard mode: the table group, table and row resources around the rows' triples. */
    public static Csv2Rdf standard(CsvwTable table, String base, StreamRDF out) {
        return new Csv2Rdf(table, base, out, true);
    }

    private Csv2Rdf(CsvwTable table, String base, StreamRDF out, boolean standard) {
        this.table = table;
        this.out = out;
        this.url = java.net.URI.create(base).resolve(table.url()).toString();
        if (standard) {
            Node group = NodeFactory.createBlankNode();
            tableNode = NodeFactory.createBlankNode();
            out.triple(Triple.create(group, TYPE, TABLE_GROUP));
            out.triple(Triple.create(group, HAS_TABLE, tableNode));
            out.triple(Triple.create(tableNode, TYPE, TABLE));
            out.triple(Triple.create(tableNode, URL, NodeFactory.createURI(url)));
        } else {
            tableNode = null;
        }
        List<CsvwColumn> columns = table.columns();
        predicates = new Node[columns.size()];
        datatypes = new RDFDatatype[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            predicates[c] =
                    NodeFactory.createURI(url + "#" + encode(columns.get(c).name()));
            datatypes[c] = CsvwDatatypes.rdfDatatype(columns.get(c).datatype());
        }
    }

    /** Emits the triples of one row; cells equal to one of the column's null markers are left out. */
    public void row(String[] cells) {
        Node subject = NodeFactory.createBlankNode();
        rownum++;
        if (tableNode != null) {
            Node row = NodeFactory.createBlankNode();
            out.triple(Triple.create(tableNode, HAS_ROW, row));
            out.triple(Triple.create(row, TYPE, ROW));
            out.triple(Triple.create(
                    row, ROWNUM, NodeFactory.createLiteralDT(Long.toString(rownum), XSDDatatype.XSDinteger)));
            // the row's line in the file: the header is line 1
            out.triple(Triple.create(row, URL, NodeFactory.createURI(url + "#row=" + (rownum + 1))));
            out.triple(Triple.create(row, DESCRIBES, subject));
        }
        for (int c = 0; c < predicates.length; c++) {
            String cell = cells[c];
            if (cell == null || table.columns().get(c).nullMarkers().contains(cell)) {
                continue;
            }
            CsvwColumn column = table.columns().get(c);
            // a value under a format picture becomes its datatype's canonical form; one that does
            // not read stays a plain string, never an ill-typed literal
            String lexical =
                    column.format() == null ? cell : CsvwDatatypes.canonical(column.datatype(), column.format(), cell);
            Node object = datatypes[c] == null || lexical == null
                    ? NodeFactory.createLiteralString(cell)
                    : NodeFactory.createLiteralDT(lexical, datatypes[c]);
            out.triple(Triple.create(subject, predicates[c], object));
        }
    }

    /** Column names in predicate URIs are percent-encoded as URI template variables are. */
    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
