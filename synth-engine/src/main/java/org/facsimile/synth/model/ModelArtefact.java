package org.facsimile.synth.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.facsimile.synth.Generator;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;

/** Saves and loads a trained generator with the description of the table it generates. */
public final class ModelArtefact {

    /** The format written; a loader refuses others. */
    public static final String FORMAT = "facsimile-model/1";

    private static final String MANIFEST = "manifest.properties";
    private static final String GENERATOR = "generator.bin";
    /** A model entry larger than this is not one of ours. */
    private static final int MAX_ENTRY = 512 * 1024 * 1024;

    private static final char SEPARATOR = '\u001f';

    private static final Map<String, Supplier<Synthesizer>> SYNTHESIZERS = Map.of(
            ArgnSynthesizer.NAME,
            ArgnSynthesizer::new,
            "baseline",
            GaussianCopulaSynthesizer::new,
            "independent-columns",
            GaussianCopulaSynthesizer::independentColumns);

    /** A loaded model: what it generates and the generator. */
    public record Loaded(String synthesizer, TableSpec spec, Generator generator) {}

    private ModelArtefact() {}

    public static void save(Path file, String synthesizer, TableSpec spec, Generator generator) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, synthesizer, spec, generator);
        }
    }

    public static void write(OutputStream out, String synthesizer, TableSpec spec, Generator generator)
            throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("synthesizer", synthesizer);
        manifest.setProperty("table", spec.name());
        manifest.setProperty("columns", Integer.toString(spec.columns().size()));
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnSpec column = spec.column(c);
            manifest.setProperty("column." + c + ".name", column.name());
            manifest.setProperty("column." + c + ".kind", column.kind().name());
            manifest.setProperty("column." + c + ".null", String.join(String.valueOf(SEPARATOR), column.nullMarkers()));
            if (column.personal() != null) {
                manifest.setProperty(
                        "column." + c + ".personal", column.personal().token());
            }
            if (column.lang() != null) {
                manifest.setProperty("column." + c + ".lang", column.lang());
            }
            if (column.format() != null) {
                manifest.setProperty("column." + c + ".format", column.format());
            }
        }
        manifest.setProperty("primaryKey", String.join(String.valueOf(SEPARATOR), spec.primaryKey()));
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        StringWriter text = new StringWriter();
        manifest.store(text, "Facsimile model: parameters only, no training rows");
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(GENERATOR));
        generator.write(zip);
        zip.closeEntry();
        zip.finish();
    }

    public static Loaded load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Loaded read(InputStream in) throws IOException {
        byte[] manifestBytes = null;
        byte[] generatorBytes = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readNBytes(MAX_ENTRY + 1);
                if (bytes.length > MAX_ENTRY) {
                    throw new IOException("not a Facsimile model: entry " + entry.getName() + " is too large");
                }
                switch (entry.getName()) {
                    case MANIFEST -> manifestBytes = bytes;
                    case GENERATOR -> generatorBytes = bytes;
                    default -> throw new IOException("not a Facsimile model: unexpected entry " + entry.getName());
                }
            }
        }
        if (manifestBytes == null || generatorBytes == null) {
            throw new IOException("not a Facsimile model: manifest or generator missing");
        }
        Properties manifest = new Properties();
        manifest.load(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)));
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new IOException("not a Facsimile model of format " + FORMAT + ": " + manifest.getProperty("format"));
        }
        String name = manifest.getProperty("synthesizer", "");
        Supplier<Synthesizer> synthesizer = SYNTHESIZERS.get(name);
        if (synthesizer == null) {
            throw new IOException("unknown synthesizer '" + name + "'");
        }
        TableSpec spec = spec(manifest);
        Generator generator = synthesizer.get().read(new ByteArrayInputStream(generatorBytes));
        return new Loaded(name, spec, generator);
    }

    private static TableSpec spec(Properties manifest) throws IOException {
        try {
            int n = Integer.parseInt(manifest.getProperty("columns"));
            List<ColumnSpec> columns = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                columns.add(new ColumnSpec(
                        manifest.getProperty("column." + c + ".name"),
                        ColumnKind.valueOf(manifest.getProperty("column." + c + ".kind")),
                        split(manifest.getProperty("column." + c + ".null")),
                        org.facsimile.synth.table.PersonalData.ofToken(
                                        manifest.getProperty("column." + c + ".personal"))
                                .orElse(null),
                        manifest.getProperty("column." + c + ".lang"),
                        manifest.getProperty("column." + c + ".format")));
            }
            String key = manifest.getProperty("primaryKey", "");
            return new TableSpec(manifest.getProperty("table"), columns, key.isEmpty() ? List.of() : split(key));
        } catch (RuntimeException e) {
            throw new IOException("not a Facsimile model: the manifest does not describe a table", e);
        }
    }

    private static List<String> split(String value) {
        return Arrays.asList(value.split(String.valueOf(SEPARATOR), -1));
    }
}
