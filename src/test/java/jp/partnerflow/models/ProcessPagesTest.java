package jp.partnerflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every model has its page under docs/processes/, linked from docs/processes.md, showing a diagram
 * exported from the model as it is now: the SVG names the SHA-256 of the model it was drawn from,
 * so a changed model with an old picture fails here (export again: src/docs/export-diagrams.sh).
 */
class ProcessPagesTest {
    private static final Path PAGES = Path.of("docs/processes");

    @Test
    void everyModelHasAPageWithItsCurrentDiagram() throws IOException, NoSuchAlgorithmException {
        String index = Files.readString(Path.of("docs/processes.md"));
        List<String> problems = new ArrayList<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            String name = model.getFileName().toString().replace(".bpmn", "");
            Path page = PAGES.resolve(name + ".md");
            Path diagram = PAGES.resolve(name + ".svg");
            if (!index.contains("(processes/" + name + ".md)")) {
                problems.add("docs/processes.md does not link " + page);
            }
            if (!Files.exists(page) || !Files.readString(page).contains("](" + name + ".svg)")) {
                problems.add(page + " is missing or does not show " + diagram);
            }
            String drawnFrom = "<!-- bpmn/" + name + ".bpmn sha256:" + sha256(model) + " -->";
            if (!Files.exists(diagram) || !Files.readString(diagram).contains(drawnFrom)) {
                problems.add(diagram + " does not show the model as it is now: run src/docs/export-diagrams.sh");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
