package org.facsimile.harvest.oai;

/** The error codes of OAI-PMH 2.0 (section 3.6). */
public enum OaiError {
    badArgument,
    badResumptionToken,
    badVerb,
    cannotDisseminateFormat,
    idDoesNotExist,
    noRecordsMatch,
    noMetadataFormats,
    noSetHierarchy
}
