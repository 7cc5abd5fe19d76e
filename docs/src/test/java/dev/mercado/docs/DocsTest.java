package dev.mercado.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Keeps the docs true to the repository they describe (issue 22), reading it from disk.
 *
 * <p>Which modules must be documented: every module the root {@code pom.xml} reaches through {@code
 * <module>} elements, recursively, except pure aggregators (packaging {@code pom} with modules of
 * their own, such as {@code services/catalog}): those are folders whose children are listed. A
 * {@code pom} module without modules would be an artifact others use, so it is documented like a
 * jar. A backticked path with {@code <placeholders>} covers every module it matches, one value per
 * placeholder name: {@code services/<name>/<name>-api} covers {@code services/orders/orders-api}.
 */
class DocsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("mercado.repository", "..")).toAbsolutePath().normalize();

  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z][A-Za-z0-9]*)>");
  private static final Pattern SEED_CONCEPT = Pattern.compile("(?m)^- ([A-Z]\\d+) ");
  private static final Pattern CATALOGUE_ROW = Pattern.compile("(?m)^\\| ([A-Z]\\d+) \\|");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)");

  /** Documents that are not in the repository; citing them leaves the reader stranded. */
  private static final List<String> OUTSIDE_CITATIONS =
      List.of("STYLE.md", "STACK.md", "../shared/");

  private static final Set<String> SOURCE_TYPES =
      Set.of("java", "md", "xml", "yml", "yaml", "properties", "sh");
  private static final Set<String> NOT_SOURCES = Set.of("target", ".git", ".mercado", ".idea");

  @Test
  void findsTheModulesOfTheReactorButNotItsAggregators() {
    assertThat(reactorModules())
        .contains("platform/platform-errors", "platform/platform-defaults", "docs", "system-tests")
        .doesNotContain("platform", "services", "services/catalog");
  }

  @Test
  void everyModuleHasARowInTheReadmesModuleTable() {
    String table = section(read("README.md"), "## Modules");
    List<String> listed =
        table
            .lines()
            .filter(line -> line.startsWith("|"))
            .map(line -> line.substring(1, line.indexOf('|', 1)))
            .flatMap(DocsTest::backticked)
            .toList();

    assertThat(undocumented(listed))
        .as("modules without a row in README.md's module table (## Modules): add a row for each")
        .isEmpty();
  }

  @Test
  void everyModuleIsNamedInTheArchitecture() {
    List<String> named = backticked(read("docs/architecture.md")).toList();

    assertThat(undocumented(named))
        .as("modules not named (as a `path`) in docs/architecture.md: say what each is for there")
        .isEmpty();
  }

  @Test
  void everySeedConceptHasARowInThePatternCatalogue() {
    Set<String> concepts = matches(SEED_CONCEPT, read("docs/seed-concepts.md"));
    Set<String> rows = matches(CATALOGUE_ROW, read("docs/patterns.md"));

    assertThat(concepts).as("concept ids found in docs/seed-concepts.md").isNotEmpty();
    assertThat(difference(concepts, rows))
        .as("concept ids of docs/seed-concepts.md without a row in docs/patterns.md: add the rows")
        .isEmpty();
  }

  @Test
  void everyRelativeLinkOfTheDocsResolves() throws IOException {
    List<Path> documents = new ArrayList<>(files(ROOT.resolve("docs"), Set.of("md")));
    documents.add(ROOT.resolve("README.md"));
    List<String> broken = new ArrayList<>();
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) {
          continue;
        }
        String path = target.replaceFirst("#.*", "");
        if (!Files.exists(document.getParent().resolve(path))) {
          broken.add(relative(document) + " links to " + target + ", which does not exist");
        }
      }
    }

    assertThat(documents).hasSizeGreaterThan(1);
    assertThat(broken).as("broken relative links: fix the link or the file it names").isEmpty();
  }

  @Test
  void noFileCitesADocumentOutsideTheRepository() throws IOException {
    // this test names the citations it forbids
    Path self = ROOT.resolve("docs/src/test/java/dev/mercado/docs/DocsTest.java");
    List<String> citations = new ArrayList<>();
    for (Path file : files(ROOT, SOURCE_TYPES)) {
      if (file.equals(self)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        for (String outside : OUTSIDE_CITATIONS) {
          if (lines.get(i).contains(outside)) {
            citations.add(relative(file) + ":" + (i + 1) + " cites " + outside);
          }
        }
      }
    }

    assertThat(citations)
        .as(
            "citations of documents outside the repository: cite docs/style.md for house style,"
                + " docs/seed-concepts.md for concept ids, or state the fact itself")
        .isEmpty();
  }

  /** The modules none of {@code entries} names, by exact path or by a placeholder pattern. */
  private static List<String> undocumented(List<String> entries) {
    List<Pattern> patterns = entries.stream().map(DocsTest::asPattern).toList();
    return reactorModules().stream()
        .filter(module -> patterns.stream().noneMatch(p -> p.matcher(module).matches()))
        .toList();
  }

  /** {@code services/<name>/<name>-api} as a regex in which both {@code <name>} are one value. */
  private static Pattern asPattern(String entry) {
    StringBuilder regex = new StringBuilder();
    Set<String> seen = new HashSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(entry);
    int last = 0;
    while (placeholder.find()) {
      String name = placeholder.group(1);
      regex.append(Pattern.quote(entry.substring(last, placeholder.start())));
      regex.append(seen.add(name) ? "(?<" + name + ">[^/]+)" : "\\k<" + name + ">");
      last = placeholder.end();
    }
    regex.append(Pattern.quote(entry.substring(last)));
    // a lone <name> would match every module of one folder level: patterns must name a folder
    return seen.isEmpty() || entry.contains("/")
        ? Pattern.compile(regex.toString())
        : Pattern.compile(Pattern.quote(entry));
  }

  /** Module folders relative to the root, '/'-separated, aggregators left out (see above). */
  private static List<String> reactorModules() {
    List<String> modules = new ArrayList<>();
    collectModules(ROOT, modules);
    return modules;
  }

  private static void collectModules(Path folder, List<String> modules) {
    try {
      Document pom =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(folder.resolve("pom.xml").toFile());
      XPath xpath = XPathFactory.newInstance().newXPath();
      NodeList children =
          (NodeList) xpath.evaluate("/project/modules/module", pom, XPathConstants.NODESET);
      String packaging = xpath.evaluate("/project/packaging", pom).trim();
      if (!(packaging.equals("pom") && children.getLength() > 0)) {
        modules.add(relative(folder));
      }
      for (int i = 0; i < children.getLength(); i++) {
        String child = children.item(i).getTextContent().trim();
        collectModules(folder.resolve(child).normalize(), modules);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the modules of " + folder.resolve("pom.xml"), e);
    }
  }

  /** The files under {@code folder} with one of {@code extensions}, build output left out. */
  private static List<Path> files(Path folder, Set<String> extensions) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return NOT_SOURCES.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = file.getFileName().toString();
            if (extensions.contains(name.substring(name.lastIndexOf('.') + 1))) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }

  /** From {@code heading} to the next heading of the same level. */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertThat(start).as("README.md has a section " + heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length() + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  private static Stream<String> backticked(String text) {
    return BACKTICKED.matcher(text).results().map(match -> match.group(1));
  }

  private static Set<String> matches(Pattern pattern, String text) {
    return pattern
        .matcher(text)
        .results()
        .map(match -> match.group(1))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> difference(Set<String> all, Set<String> present) {
    Set<String> missing = new LinkedHashSet<>(all);
    missing.removeAll(present);
    return missing;
  }

  private static String read(String path) {
    try {
      return Files.readString(ROOT.resolve(path));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  private static String relative(Path path) {
    return ROOT.relativize(path).toString().replace('\\', '/');
  }
}
