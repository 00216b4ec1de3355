package org.facsimile.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.deposit.AccessTerms;
import org.facsimile.web.deposit.AccessTermsService;
import org.junit.jupiter.api.Test;

/** A request's life, what it opens when, and how the landing page words the terms. */
class AccessRequestTest {

    private static final Instant ASKED = Instant.parse("2026-03-05T14:05:00Z");

    private static final AccessTerms TERMS = new AccessTerms(
            UUID.randomUUID(), "Use only for the stated purpose.", AccessTerms.Deciders.EITHER, 30, ASKED);

    private static AccessRequest request() {
        return new AccessRequest(
                TERMS.depositId(), UUID.randomUUID(), 1, UUID.randomUUID(), "to replicate a finding", TERMS, ASKED);
    }

    @Test
    void aGrantOpensTheOriginalForItsDaysAndNotAfterRevocation() {
        AccessRequest r = request();
        assertEquals("the request has not been decided yet", r.closedBecause(ASKED));
        assertFalse(r.opensAt(ASKED));
        Instant granted = ASKED.plusSeconds(3600);
        r.grant(UUID.randomUUID(), null, granted);
        assertEquals(granted.plus(Duration.ofDays(30)), r.expiresAt(), "the terms' days when it was asked");
        assertTrue(r.opensAt(granted));
        assertNull(r.closedBecause(r.expiresAt().minusMillis(1)));
        assertEquals("the grant expired on 4 Apr 2026 15:05 UTC", r.closedBecause(r.expiresAt()));
        r.revoke(UUID.randomUUID(), "the project ended", granted.plusSeconds(60));
        assertEquals("the grant was revoked on 5 Mar 2026 15:06 UTC", r.closedBecause(granted.plusSeconds(61)));
        assertEquals("the project ended", r.reason());
    }

    @Test
    void aRefusalOrWithdrawalOpensNothing() {
        AccessRequest refused = request();
        refused.refuse(UUID.randomUUID(), "no need for the original", ASKED.plusSeconds(5));
        assertEquals("the request was refused", refused.closedBecause(ASKED.plusSeconds(6)));
        AccessRequest withdrawn = request();
        withdrawn.withdraw(ASKED.plusSeconds(5));
        assertEquals(AccessRequest.State.WITHDRAWN, withdrawn.state());
        assertFalse(withdrawn.opensAt(ASKED.plusSeconds(6)));
    }

    @Test
    void theRequestKeepsTheAgreementItAcceptedAndTheLandingPageSaysWhoDecides() {
        assertEquals(TERMS.agreementSha256(), request().agreementSha256());
        AccessTerms changed = new AccessTerms(
                TERMS.depositId(), "Another agreement, longer.", AccessTerms.Deciders.CURATORS, 7, ASKED);
        assertNotEquals(TERMS.agreementSha256(), changed.agreementSha256());
        assertTrue(new AccessTermsService.Availability(changed, false)
                .words()
                .contains("the repository's curators decide, and a grant lasts 7 days"));
        assertTrue(new AccessTermsService.Availability(changed, true).words().contains("erased"));
        assertFalse(new AccessTermsService.Availability(changed, true).requestable());
        assertTrue(new AccessTermsService.Availability(null, false).words().contains("not available on request"));
    }
}
