package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Appends to the audit log, in the caller's transaction (an action and its record commit together). */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param actor the account acting, or null for the system
     * @param action what was done ("deposit.create", "dataset.publish", ...)
     * @param detail a short note that names no private data, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            UUID actor, String action, String targetType, String targetId, String detail, String remoteAddress) {
        em.persist(new AuditEvent(clock.now(), actor, action, targetType, targetId, detail, remoteAddress));
    }
}
