package org.facsimile.synth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizerTest;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtefactTest {

    static final TableSpec SPEC = new TableSpec(
            "people",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("height", ColumnKind.DECIMAL, null),
                    new ColumnSpec("weight", ColumnKind.INTEGER, List.of("", "?")),
                    new ColumnSpec("colour", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("joined", ColumnKind.DATE, null)),
            List.of("id"));

    private static List<String> generate(Generator generator) {
        List<String> rows = new ArrayList<>();
        generator.generate(200, 9, row -> rows.add(Arrays.toString(row)));
        return rows;
    }

    @Test
    void aLoadedModelGeneratesWhatTheTrainedOneDoes(@TempDir Path dir) throws IOException {
        Table real = GaussianCopulaSynthesizerTest.sample(2000, 7);
        Generator trained =
                new GaussianCopulaSynthesizer().fit(real, SPEC, SynthesisSettings.defaults(), ProgressListener.NONE);
        Path file = dir.resolve("people.fcsm");
        ModelArtefact.save(file, "baseline", SPEC, trained);

        ModelArtefact.Loaded loaded = ModelArtefact.load(file);
        assertEquals("baseline", loaded.synthesizer());
        assertEquals(SPEC, loaded.spec());
        assertEquals(generate(trained), generate(loaded.generator()));

        // parameters only: no training row is in the file
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String[] row : real.rows().subList(0, 50)) {
            assertFalse(bytes.contains(row[0]), "no training id in the model file");
        }
    }

    @Test
    void foreignOrCorruptFilesAreRefused() throws IOException {
        assertThrows(
                IOException.class,
                () -> ModelArtefact.read(new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8))));
        assertThrows(
                IOException.class,
                () -> ModelArtefact.read(zip("manifest.properties", "format=facsimile-model/1\nsynthesizer=gan\n")));
        assertThrows(IOException.class, () -> ModelArtefact.read(zip("manifest.properties", "format=other/9\n")));
        IOException extra = assertThrows(IOException.class, () -> ModelArtefact.read(zip("../evil", "x")));
        assertTrue(extra.getMessage().contains("unexpected entry"));

        Table real = GaussianCopulaSynthesizerTest.sample(500, 1);
        Generator trained =
                new GaussianCopulaSynthesizer().fit(real, SPEC, SynthesisSettings.defaults(), ProgressListener.NONE);
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        ModelArtefact.write(good, "baseline", SPEC, trained);
        byte[] truncated = Arrays.copyOf(good.toByteArray(), good.size() / 2);
        assertThrows(IOException.class, () -> ModelArtefact.read(new ByteArrayInputStream(truncated)));
    }

    private static ByteArrayInputStream zip(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
