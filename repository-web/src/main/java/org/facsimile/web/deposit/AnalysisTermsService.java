package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.DepositAccess.Need;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.synthesis.JobSettings;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * The depositor's terms for verified analyses of the original ({@link AnalysisTerms}): set,
 * changed or withdrawn by the deposit's owner before the deposit is withdrawn; a change applies to
 * analyses run after it.
 */
@ApplicationScoped
public class AnalysisTermsService {

    /** The minimum cell when none is given: the threshold most output-checking guidance starts from. */
    public static final int DEFAULT_MIN_CELL = 10;
    /** The budget when none is given. */
    public static final int DEFAULT_BUDGET = 500;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    DepositAccess access;

    @Inject
    AccessTermsService originals;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * What a depositor sends, each defaulted when left out.
     *
     * @param minCell rows behind every released figure, 5 to 1,000 (10)
     * @param budget analyses the original answers in all, 1 to 100,000 (500)
     * @param epsilon the privacy loss each analysis spends, (0, 10]: required when the twin was
     *     made under differential privacy, optional otherwise
     */
    public record TermsRequest(Integer minCell, Integer budget, Double epsilon) {}

    /** The terms in a reader's words, as a landing page says them. */
    public static String words(AnalysisTerms terms) {
        return "The original answers verified analyses: signed-in users may run counts, means, quantiles,"
                + " cross-tabulations and linear or logistic regressions on it. A result is released beside the"
                + " same analysis on this twin only if every figure rests on at least " + terms.minCell()
                + " rows and no cell is dominated by two rows; counts are rounded to 5"
                + (terms.epsilon() == null
                        ? ""
                        : ", and each analysis carries differential-privacy noise (epsilon " + terms.epsilon() + ")")
                + ". The original answers at most " + String.format(Locale.ROOT, "%,d", terms.budget())
                + " analyses in all.";
    }

    /** The owner's terms, or empty when the original answers no analyses; 404 for anyone else. */
    @Transactional
    public Optional<AnalysisTerms> of(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
        return Optional.ofNullable(em.find(AnalysisTerms.class, depositId));
    }

    /** The terms of a deposit, for whoever runs or shows its analyses; empty when there are none. */
    @Transactional
    public Optional<AnalysisTerms> of(UUID depositId) {
        return Optional.ofNullable(em.find(AnalysisTerms.class, depositId));
    }

    /**
     * Whether the deposit's latest synthesis ran under differential privacy: then analyses of its
     * original must carry noise too, or they would undo the twin's guarantee.
     */
    @Transactional
    public boolean madeUnderDifferentialPrivacy(UUID depositId) {
        return SynthesisJob.latest(em, depositId)
                .map(job -> JSONB.fromJson(job.settings(), JobSettings.class).differentialPrivacy() != null)
                .orElse(false);
    }

    /** 404 unless the caller owns the deposit: asked before a request's body is read. */
    @Transactional
    public void requireOwner(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
    }

    /** Sets or changes the terms; 409 for a withdrawn deposit or an erased input. */
    @Transactional
    public AnalysisTerms set(Credential caller, UUID depositId, TermsRequest terms, String from) {
        Deposit deposit = access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        int minCell = terms.minCell() == null ? DEFAULT_MIN_CELL : terms.minCell();
        int budget = terms.budget() == null ? DEFAULT_BUDGET : terms.budget();
        if (minCell < 5 || minCell > 1000) {
            throw invalid("$.minCell", "a released figure rests on 5 to 1,000 rows");
        }
        if (budget < 1 || budget > 100_000) {
            throw invalid("$.budget", "the original answers 1 to 100,000 analyses in all");
        }
        if (terms.epsilon() != null && !(terms.epsilon() > 0 && terms.epsilon() <= 10)) {
            throw invalid("$.epsilon", "an analysis spends an epsilon above 0 and at most 10");
        }
        if (terms.epsilon() == null && madeUnderDifferentialPrivacy(depositId)) {
            throw invalid(
                    "$.epsilon",
                    "the twin was made under differential privacy: say the epsilon each analysis spends (the"
                            + " budget times it is what all analyses may cost in all)");
        }
        if (deposit.state() == DepositState.WITHDRAWN) {
            throw ProblemException.conflict("the deposit was withdrawn: its original answers no analyses");
        }
        if (originals.inputErased(depositId)) {
            throw ProblemException.conflict("the deposit's input was erased: there is no original to analyse");
        }
        AnalysisTerms stored = em.find(AnalysisTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = new AnalysisTerms(depositId, minCell, budget, terms.epsilon(), clock.now());
            em.persist(stored);
        } else {
            stored.change(minCell, budget, terms.epsilon(), clock.now());
        }
        audit.record(
                caller.account().id(),
                "deposit.analysis-terms",
                "deposit",
                depositId.toString(),
                "cells of " + minCell + " rows, " + budget + " analyses"
                        + (terms.epsilon() == null ? "" : ", epsilon " + terms.epsilon() + " each"),
                from);
        return stored;
    }

    /** Answers no more analyses (those run stay in the record); true when there were terms. */
    @Transactional
    public boolean remove(Credential caller, UUID depositId, String from) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        AnalysisTerms stored = em.find(AnalysisTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            return false;
        }
        em.remove(stored);
        audit.record(
                caller.account().id(),
                "deposit.analysis-terms",
                "deposit",
                depositId.toString(),
                "no more analyses",
                from);
        return true;
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-terms", "Invalid analysis terms", path, message);
    }
}
