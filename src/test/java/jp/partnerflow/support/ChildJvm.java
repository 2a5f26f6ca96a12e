package jp.partnerflow.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Starting the service in a JVM of its own, from the tests' classpath, spelled out once per entry
 * and without empty ones: an empty entry is the working directory to a child JVM, which would then
 * find the project's bpmn/ next to target/classes/bpmn and deploy every model twice over.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            Set<String> paths = new LinkedHashSet<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank() && !entry.equals(".")) {
                    paths.add(entry);
                }
            }
            return String.join(File.pathSeparator, paths);
        }
        try (JarFile jar = new JarFile(classpath)) {
            String entries = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (entries == null) {
                return classpath;
            }
            Set<String> paths = new LinkedHashSet<>();
            for (String entry : entries.trim().split("\\s+")) {
                paths.add(Path.of(URI.create(entry)).toString());
            }
            return String.join(File.pathSeparator, paths);
        } catch (IOException | IllegalArgumentException e) {
            return classpath;
        }
    }
}
