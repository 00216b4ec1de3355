package org.facsimile.harvest.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.datacite.DataCiteXml;

/** DataCite Metadata Schema 4 records, as OpenAIRE and other aggregators harvest them. */
public final class OaiDataCite implements MetadataFormat {

    @Override
    public String prefix() {
        return "oai_datacite";
    }

    @Override
    public String schema() {
        return DataCiteXml.SCHEMA;
    }

    @Override
    public String namespace() {
        return DataCiteXml.NS;
    }

    @Override
    public void write(XMLStreamWriter xml, DatasetDescription record) throws XMLStreamException {
        DataCiteXml.write(xml, record);
    }
}
