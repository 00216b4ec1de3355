package org.facsimile.vocab.cite;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.facsimile.vocab.DatasetDescription;

/**
 * A dataset version as the reference managers read it: BibTeX ({@code application/x-bibtex}),
 * RIS ({@code application/x-research-info-systems}) and CSL-JSON ({@code
 * application/vnd.citationstyles.csl+json}), the three forms DataCite's content negotiation offers
 * for a DOI. Creators are written "Family, Given" and kept so; the DOI is always the identifier.
 */
public final class Citations {

    private Citations() {}

    /** A BibTeX {@code @misc} entry (classic BibTeX has no dataset type; biblatex reads it too). */
    public static String bibtex(DatasetDescription d) {
        LocalDate issued = issued(d);
        StringBuilder b = new StringBuilder("@misc{").append(key(d)).append(",\n");
        field(
                b,
                "author",
                String.join(
                        " and ",
                        d.creatorNames().stream().map(Citations::bibtexText).toList()));
        // double braces keep the title's capitals as they are
        b.append("  title = {{").append(bibtexText(d.title())).append("}},\n");
        field(b, "year", Integer.toString(issued.getYear()));
        field(b, "month", issued.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT));
        field(b, "publisher", bibtexText(d.publisher()));
        field(b, "version", Integer.toString(d.version()));
        field(b, "doi", bibtexText(d.doi()));
        field(b, "url", bibtexText(d.doiUrl()));
        if (!d.keywords().isEmpty()) {
            field(b, "keywords", bibtexText(String.join(", ", d.keywords())));
        }
        field(b, "note", d.synthetic() ? "Synthetic data set" : "Data set");
        field(b, "copyright", bibtexText(d.licence()));
        return b.append("}\n").toString();
    }

    /** A RIS record of type DATA, one tag a line, CRLF line ends as the format asks. */
    public static String ris(DatasetDescription d) {
        LocalDate issued = issued(d);
        StringBuilder r = new StringBuilder();
        tag(r, "TY", "DATA");
        for (String creator : d.creatorNames()) {
            tag(r, "AU", creator);
        }
        tag(r, "TI", d.title());
        tag(r, "PY", Integer.toString(issued.getYear()));
        tag(
                r,
                "DA",
                String.format(
                        Locale.ROOT,
                        "%04d/%02d/%02d",
                        issued.getYear(),
                        issued.getMonthValue(),
                        issued.getDayOfMonth()));
        tag(r, "PB", d.publisher());
        tag(r, "ET", Integer.toString(d.version()));
        tag(r, "DO", d.doi());
        tag(r, "UR", d.doiUrl());
        for (String keyword : d.keywords()) {
            tag(r, "KW", keyword);
        }
        if (d.description() != null) {
            tag(r, "AB", d.description());
        }
        tag(r, "M3", d.synthetic() ? "Synthetic data set" : "Data set");
        r.append("ER  - \r\n");
        return r.toString();
    }

    /** A CSL-JSON item (an array of one, as citeproc processors and DataCite return it). */
    public static String cslJson(DatasetDescription d) {
        LocalDate issued = issued(d);
        JsonObject item = new JsonObject();
        item.put("type", "dataset");
        item.put("id", d.doiUrl());
        item.put("DOI", d.doi());
        item.put("URL", d.doiUrl());
        item.put("title", d.title());
        JsonArray authors = new JsonArray();
        for (String creator : d.creatorNames()) {
            JsonObject author = new JsonObject();
            int comma = creator.indexOf(',');
            if (comma > 0) {
                author.put("family", creator.substring(0, comma).strip());
                author.put("given", creator.substring(comma + 1).strip());
            } else {
                author.put("literal", creator.strip());
            }
            authors.add(author);
        }
        item.put("author", authors);
        JsonArray parts = new JsonArray();
        JsonArray date = new JsonArray();
        date.add(issued.getYear());
        date.add(issued.getMonthValue());
        date.add(issued.getDayOfMonth());
        parts.add(date);
        JsonObject issuedObject = new JsonObject();
        issuedObject.put("date-parts", parts);
        item.put("issued", issuedObject);
        item.put("publisher", d.publisher());
        item.put("version", Integer.toString(d.version()));
        if (d.description() != null) {
            item.put("abstract", d.description());
        }
        if (!d.keywords().isEmpty()) {
            item.put("keyword", String.join(", ", d.keywords()));
        }
        item.put("genre", d.synthetic() ? "Synthetic data set" : "Data set");
        JsonArray items = new JsonArray();
        items.add(item);
        return items.toString();
    }

    private static LocalDate issued(DatasetDescription d) {
        return d.issued().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A citation key from the DOI: letters, digits and the separators BibTeX keys allow. */
    private static String key(DatasetDescription d) {
        return d.doi().replaceAll("[^A-Za-z0-9._:-]", "_");
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Text safe inside BibTeX braces: the characters TeX reads as commands made literal. */
    static String bibtexText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : oneLine(s).toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void tag(StringBuilder r, String tag, String value) {
        r.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The formats, by media type, for content negotiation and export links. */
    public static final List<String> MEDIA_TYPES = List.of(
            "application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json");
}
