package org.facsimile.web.access;

import org.facsimile.web.account.Account;
import org.facsimile.web.deposit.AccessTerms;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Setting;

/**
 * The manifest that comes first in every download of an original: whose grant it is, what for,
 * until when, the agreement accepted and each file's SHA-256. A copy found elsewhere names the
 * grant it came from; the SHA-256 lets the grantee check the files.
 */
final class GrantManifest {

    static final String NAME = "ACCESS-GRANT.txt";

    private GrantManifest() {}

    static String text(AccessRequests.Original original, Account grantee) {
        AccessRequest r = original.request();
        StringBuilder text = new StringBuilder();
        text.append("Restricted original of ")
                .append(original.deposit().metadata().title())
                .append('\n');
        text.append("Dataset ")
                .append(Setting.BASE_URL.get())
                .append("/datasets/")
                .append(r.datasetId())
                .append("/versions/")
                .append(r.versionNumber())
                .append(" (DOI ")
                .append(original.deposit().doi())
                .append(")\n");
        text.append(Setting.REPOSITORY_NAME.get())
                .append(", access grant ")
                .append(r.id())
                .append('\n');
        text.append("Granted to: ")
                .append(grantee.displayName())
                .append(" (account ")
                .append(grantee.username())
                .append(", ")
                .append(grantee.id())
                .append(")\n");
        text.append("Purpose: ").append(r.purpose()).append('\n');
        text.append("Granted on ")
                .append(Page.DATE.format(r.decidedAt()))
                .append("; expires ")
                .append(Page.DATE.format(r.expiresAt()))
                .append('\n');
        text.append("Only for the purpose above, under the data use agreement accepted with the request\n");
        text.append("(SHA-256 ").append(r.agreementSha256()).append("):\n\n");
        AccessTerms terms = original.terms();
        if (terms != null && terms.agreementSha256().equals(r.agreementSha256())) {
            text.append(terms.agreement()).append("\n\n");
        } else {
            text.append("(the depositor's terms have changed since; the agreement accepted is the one of that"
                    + " SHA-256, as recorded with the request)\n\n");
        }
        text.append("Files (SHA-256 of the deposited bytes, then the file):\n");
        for (DepositFile f : original.files()) {
            text.append(f.sha256()).append("  ").append(f.fileName()).append('\n');
        }
        return text.toString();
    }
}
