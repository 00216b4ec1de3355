package org.facsimile.web.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.deposit.Deposit;

/** A published dataset: the stable identity its versions share. */
@Entity
@Table(name = "dataset")
public class Dataset {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private Account owner;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deposit_id", nullable = false, unique = true)
    private Deposit deposit;

    /** The DOI of the dataset as a whole, resolving to its latest version. */
    @Column(name = "concept_doi", nullable = false, unique = true, length = 200)
    private String conceptDoi;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Dataset() {}

    /**
     * @param deposit the deposit of its first version
     * @param conceptDoi a DOI minted for the dataset as a whole
     */
    public Dataset(Deposit deposit, String conceptDoi, Instant now) {
        this.id = UUID.randomUUID();
        this.owner = deposit.owner();
        this.deposit = deposit;
        this.conceptDoi = conceptDoi;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public Account owner() {
        return owner;
    }

    /** The deposit of the first version (later versions each have their own). */
    public Deposit deposit() {
        return deposit;
    }

    public String conceptDoi() {
        return conceptDoi;
    }
}
