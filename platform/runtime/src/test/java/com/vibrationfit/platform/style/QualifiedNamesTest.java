package com.vibrationfit.platform.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No fully-qualified class name in code where an import would do: every Java file of the repository, main and
 * test. A qualified name stays only where the simple name is taken in that file (another import, a type declared
 * there, a class of the same package, or a name {@code java.lang} already has). The formatter (Spotless) keeps
 * the rest of the layout; this is the one house rule it cannot check.
 */
class QualifiedNamesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.@\"])((?:java|javax|jakarta|com|org|io)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+([\\w.]+)\\.(\\w+);");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Set<String> JAVA_LANG = Set.of(
            "Override",
            "Deprecated",
            "Record",
            "Module",
            "Process",
            "Thread",
            "System",
            "String",
            "Object",
            "Error",
            "Exception",
            "Runtime",
            "Void",
            "Class",
            "Package");

    @Test
    void shouldImportWhatItNames() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !ROOT.relativize(f).toString().matches(".*(/target/|/node_modules/|^\\.).*"))
                    .toList();
        }
        assertTrue(sources.size() > 300, "no sources read under " + ROOT);
        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            found.addAll(qualifiedNames(source));
        }
        assertEquals(List.of(), found, "fully-qualified names where an import would do");
    }

    static List<String> qualifiedNames(Path source) throws IOException {
        String text = Files.readString(source);
        Matcher packageName = PACKAGE.matcher(text);
        String ownPackage = packageName.find() ? packageName.group(1) : "";
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(text);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
        }
        Set<String> declared =
                DECLARED.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toSet());
        Set<String> samePackage;
        try (Stream<Path> siblings = Files.list(source.getParent())) {
            samePackage = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .collect(Collectors.toSet());
        }
        List<String> found = new ArrayList<>();
        boolean textBlock = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (line.contains("\"\"\"")) {
                if (count(line, "\"\"\"") % 2 == 1) {
                    textBlock = !textBlock;
                }
                continue;
            }
            if (textBlock
                    || trimmed.startsWith("import ")
                    || trimmed.startsWith("package ")
                    || trimmed.startsWith("*")
                    || trimmed.startsWith("//")
                    || trimmed.startsWith("/*")) {
                continue;
            }
            Matcher name = QUALIFIED.matcher(line);
            while (name.find()) {
                String before = line.substring(0, name.start());
                String simple = name.group(2);
                String full = name.group(1) + "." + simple;
                boolean inString = count(before, "\"") % 2 == 1;
                boolean taken = (imported.containsKey(simple)
                                && !imported.get(simple).equals(full))
                        || declared.contains(simple)
                        || (samePackage.contains(simple) && !name.group(1).equals(ownPackage))
                        || JAVA_LANG.contains(simple);
                if (!inString
                        && !before.contains("//")
                        && (!taken || name.group(1).equals("java.lang"))) {
                    found.add(ROOT.relativize(source) + ":" + (i + 1) + " " + full);
                }
            }
        }
        return found;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
