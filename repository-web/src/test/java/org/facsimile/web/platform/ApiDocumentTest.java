package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The document's own mends that need no runtime (the rest is checked on the served document by OpenApiIT). */
class ApiDocumentTest {

    @Test
    void aRepeatedOperationIdBecomesMethodAndPathInCamelCase() {
        assertEquals(
                "getApiDatasetsIdVersionsVersionFilesName",
                ApiDocument.camel("get /api/datasets/{id}/versions/{version}/files/{name}"));
        assertEquals("postApiAdminStorageFixityAudit", ApiDocument.camel("post /api/admin/storage/fixity-audit"));
    }

    @Test
    void everyProblemAnswerHasItsKinds() {
        for (ApiDocument.Answer answer : ApiDocument.ANSWERS) {
            assertEquals(3, answer.status().length());
            assertEquals(false, answer.kinds().isBlank(), answer.name());
        }
    }
}
