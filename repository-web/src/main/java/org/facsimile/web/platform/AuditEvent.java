package org.facsimile.web.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One line of the append-only audit log: who did what to which thing, when, from where. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "target_type", nullable = false, length = 64)
    private String targetType;

    @Column(name = "target_id", nullable = false, length = 200)
    private String targetId;

    @Column(name = "detail")
    private String detail;

    @Column(name = "remote_address", length = 100)
    private String remoteAddress;

    protected AuditEvent() {}

    public AuditEvent(
            Instant at,
            UUID actorId,
            String action,
            String targetType,
            String targetId,
            String detail,
            String remoteAddress) {
        this.at = at;
        this.actorId = actorId;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    /** The event as the audit endpoints show it. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("at", at.toString());
        m.put("actor", actorId == null ? null : actorId.toString());
        m.put("action", action);
        m.put("targetType", targetType);
        m.put("targetId", targetId);
        m.put("detail", detail);
        m.put("from", remoteAddress);
        return m;
    }
}
