package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
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

    /** Appends in a transaction of its own, for acts that change nothing else in the database. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordNow(
            UUID actor, String action, String targetType, String targetId, String detail, String remoteAddress) {
        record(actor, action, targetType, targetId, detail, remoteAddress);
    }

    /** Events as the audit endpoints show them. */
    public static List<Map<String, Object>> view(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::view).toList();
    }

    /** The latest events, newest first, optionally of one actor or one target; for admins. */
    @Transactional
    public List<Map<String, Object>> latest(UUID actor, String targetType, String targetId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        if (actor != null) {
            jpql.append(" AND e.actorId = :actor");
        }
        if (targetType != null) {
            jpql.append(" AND e.targetType = :type");
        }
        if (targetId != null) {
            jpql.append(" AND e.targetId = :target");
        }
        var query = em.createQuery(jpql.append(" ORDER BY e.id DESC").toString(), AuditEvent.class);
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (targetType != null) {
            query.setParameter("type", targetType);
        }
        if (targetId != null) {
            query.setParameter("target", targetId);
        }
        return view(query.setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList());
    }
}
