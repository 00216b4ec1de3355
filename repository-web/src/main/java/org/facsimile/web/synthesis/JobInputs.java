package org.facsimile.web.synthesis;

import java.util.List;
import java.util.UUID;
import org.facsimile.synth.nested.NestedShape;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;

/**
 * What a synthesis job reads of its deposit. Synthesis knows a deposit by its id only; the
 * deposit's side implements this ({@code deposit.DepositJobInputs}).
 */
public interface JobInputs {

    /** The deposit's title and its tables in file-name order, read in one transaction before the long work starts. */
    Input read(UUID depositId);

    /** What a job reads of its deposit. */
    record Input(String title, List<InputTable> tables) {}

    /**
     * A deposited table as the job needs it, its stored CSVW schema read once.
     *
     * @param declared the schema; null when it does not read
     * @param unreadable why it does not read (the job then fails naming the file), or null
     */
    record InputTable(String fileName, String storageKey, CsvwTable declared, String unreadable) {

        public static InputTable of(String fileName, String storageKey, String tableSchema) {
            try {
                return new InputTable(fileName, storageKey, CsvwJson.readTable(tableSchema), null);
            } catch (CsvwProblem e) {
                return new InputTable(fileName, storageKey, null, e.getMessage());
            }
        }

        /** Whether it refers to another table. */
        boolean refersToAnother() {
            return declared != null && !declared.foreignKeys().isEmpty();
        }

        /** Whether the depositor declared it public reference data, to be published as deposited. */
        boolean asDeposited() {
            return declared != null && declared.publishedAsDeposited();
        }

        /** The shape of the nested document whose records' table this is, or null. */
        NestedShape nestedShape() {
            return declared == null || declared.nestedShape() == null
                    ? null
                    : NestedShape.fromJson(declared.nestedShape());
        }
    }
}
