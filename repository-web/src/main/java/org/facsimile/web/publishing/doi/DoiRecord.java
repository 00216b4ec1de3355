package org.facsimile.web.publishing.doi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A DOI this repository reserved (at deposit) and registered (at publish). */
@Entity
@Table(name = "doi")
public class DoiRecord {

    /** Reserved: known to us only, resolves nowhere. */
    public static final String RESERVED = "RESERVED";
    /** Registered and resolvable. */
    public static final String FINDABLE = "FINDABLE";

    @Id
    @Column(name = "doi", length = 200)
    private String doi;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "registrar", nullable = false, length = 32)
    private String registrar;

    @Column(name = "deposit_id", nullable = false)
    private UUID depositId;

    @Column(name = "version_id")
    private UUID versionId;

    @Column(name = "target_url", length = 2000)
    private String targetUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "registered_at")
    private Instant registeredAt;

    protected DoiRecord() {}

    public DoiRecord(String doi, String registrar, UUID depositId, Instant now) {
        this.doi = doi;
        this.state = RESERVED;
        this.registrar = registrar;
        this.depositId = depositId;
        this.createdAt = now;
    }

    public void registered(UUID versionId, String targetUrl, Instant now) {
        this.state = FINDABLE;
        this.versionId = versionId;
        this.targetUrl = targetUrl;
        this.registeredAt = now;
    }

    public String doi() {
        return doi;
    }

    public String state() {
        return state;
    }

    public String targetUrl() {
        return targetUrl;
    }
}
