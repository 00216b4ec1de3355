package org.facsimile.web.deposit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.synthesis.JobStep;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * The deposit's page ({@code deposit.jte}) as the answer to a form: the deposit as it is now, with
 * a message about the action just refused. The deposit's own forms and those of the parts above it
 * (review's publish form) answer with it.
 */
@RequestScoped
public class DepositPage {

    static final String HTML = "text/html; charset=UTF-8";

    @Inject
    DepositService deposits;

    @Inject
    PageSession session;

    @Inject
    SyntheticTables synthetic;

    /**
     * A refused action on a deposit, answered on its page with the reason at the top; a deposit
     * that is not there (or not the caller's) stays the 404 page.
     */
    public Response refused(ProblemException e, UUID depositId) {
        if (e.status() == 404) {
            throw e;
        }
        return render(e.status(), depositId, e.toProblem().detail(), null);
    }

    /** The deposit page, with a message about the last action when there is one. */
    Response render(int status, UUID id, String actionProblem, String uploadProblem) {
        return render(status, id, actionProblem, uploadProblem, null, null);
    }

    /**
     * @param unsaved a schema as the depositor sent it and it was refused: shown in its table's form
     * @param schemaProblem why it was refused
     */
    Response render(
            int status, UUID id, String actionProblem, String uploadProblem, CsvwTable unsaved, String schemaProblem) {
        Credential me = session.current().orElseThrow();
        Deposit d = deposits.readable(me, id);
        List<DepositFile> files = deposits.files(me, id);
        SynthesisJob job = null;
        try {
            job = deposits.latestJob(me, id);
        } catch (ProblemException notSubmitted) {
            // a draft never submitted has no job
        }
        DepositPageView view = DepositPageView.of(
                d,
                files,
                job,
                job == null ? List.of() : deposits.events(job),
                actionProblem,
                uploadProblem,
                unsaved,
                schemaProblem,
                synthetic.shown(job, files),
                job != null && job.step() == JobStep.QUEUED ? deposits.queuePlace(job) : null,
                session.csrf());
        Map<String, Object> model =
                Map.of("frame", Page.frame(d.metadata().title(), Page.Section.DEPOSITS, session.name()), "d", view);
        return Response.status(status)
                .entity(Templates.render("deposit.jte", model))
                .type(HTML)
                .build();
    }
}
