package org.facsimile.web.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The rules under which readers of a deposit's published twin may run verified analyses on its
 * original: the minimum cell behind every released figure, the budget (analyses the original
 * answers in all), and the epsilon each analysis spends when the twin was made under differential
 * privacy. No terms: the original answers no analyses.
 */
@Entity
@Table(name = "analysis_terms")
public class AnalysisTerms {

    @Id
    @Column(name = "deposit_id")
    private UUID depositId;

    @Column(name = "min_cell", nullable = false)
    private int minCell;

    @Column(name = "budget", nullable = false)
    private int budget;

    @Column(name = "epsilon")
    private Double epsilon;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AnalysisTerms() {}

    public AnalysisTerms(UUID depositId, int minCell, int budget, Double epsilon, Instant now) {
        this.depositId = depositId;
        change(minCell, budget, epsilon, now);
    }

    public void change(int minCell, int budget, Double epsilon, Instant now) {
        this.minCell = minCell;
        this.budget = budget;
        this.epsilon = epsilon;
        this.updatedAt = now;
    }

    public UUID depositId() {
        return depositId;
    }

    public int minCell() {
        return minCell;
    }

    public int budget() {
        return budget;
    }

    /** The privacy loss one analysis spends, or null when analyses carry no noise. */
    public Double epsilon() {
        return epsilon;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
