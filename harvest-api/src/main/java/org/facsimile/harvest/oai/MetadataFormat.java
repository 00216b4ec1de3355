package org.facsimile.harvest.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.facsimile.vocab.DatasetDescription;

/** A metadata format the provider disseminates. */
public interface MetadataFormat {

    String prefix();

    String schema();

    String namespace();

    /** Writes the record's metadata element (the child of {@code <metadata>}). */
    void write(XMLStreamWriter xml, DatasetDescription record) throws XMLStreamException;
}
