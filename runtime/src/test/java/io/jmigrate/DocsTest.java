package io.jmigrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under {@code docs/} cannot rot: every page is linked from the README,
 * every relative link and anchor resolves, every Java block that is a whole compilation unit
 * compiles against the runtime, and every {@code mvn} and {@code java -jar} line of a shell block
 * names modules, goals and jars this repository has. A failure names the page and line.
 *
 * <p>A Java block that is only part of a file (a field, a class with elided members) is skipped
 * only when the line before its fence is {@value #FRAGMENT}, so skipping is a visible decision in
 * the page, not a guess of this test.
 */
class DocsTest {
  static final String FRAGMENT = "<!-- fragment -->";

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern UNIT =
      Pattern.compile("^\\s*(package|import)\\s|\\b(class|record)\\s", Pattern.MULTILINE);
  private static final Pattern TYPE_NAME =
      Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);

  /** One page: its lines, and its code blocks. */
  record Page(Path file, String name, List<String> lines, List<Block> blocks) {}

  /** A fenced block: its language, the line of its opening fence (1-based), its text. */
  record Block(String language, int line, String text, boolean fragment) {}

  @Test
  void everyPageInDocsIsLinkedFromTheReadme() throws IOException {
    Path root = root();
    Set<Path> linked = new TreeSet<>();
    Page readme = page(root, root.resolve("README.md"));
    for (Link link : links(readme)) {
      linked.add(root.resolve(link.path()).normalize());
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs(root)) {
      if (!linked.contains(doc.normalize())) {
        missing.add(root.relativize(doc) + " is not linked from README.md");
      }
    }
    assertTrue(missing.isEmpty(), String.join("\n", missing));
    assertTrue(docs(root).size() >= 10, "docs/ has " + docs(root).size() + " pages");
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    Path root = root();
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Page page : pages(root)) {
      for (Link link : links(page)) {
        checked++;
        Path target =
            link.path().isEmpty() ? page.file() : page.file().getParent().resolve(link.path()).normalize();
        String where = page.name() + ":" + link.line() + ": ";
        if (!target.startsWith(root) || !Files.exists(target)) {
          broken.add(where + "link to " + link.path() + ": no such file");
          continue;
        }
        if (link.anchor() == null) {
          continue;
        }
        if (!target.toString().endsWith(".md")) {
          broken.add(where + "anchor #" + link.anchor() + " on " + link.path() + ", which is not a page");
          continue;
        }
        Set<String> known = anchors.computeIfAbsent(target, t -> anchorsOf(page(root, t)));
        if (!known.contains(link.anchor())) {
          broken.add(where + "link to " + (link.path().isEmpty() ? "" : link.path()) + "#" + link.anchor()
              + ": " + root.relativize(target) + " has no such heading");
        }
      }
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
    assertTrue(checked > 50, "only " + checked + " relative links found");
  }

  @Test
  void javaBlocksThatAreWholeFilesCompileAgainstTheRuntime() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> failures = new ArrayList<>();
    int compiled = 0;
    int fragments = 0;
    for (Page page : pages(root())) {
      for (Block block : page.blocks()) {
        if (!block.language().equals("java") || !UNIT.matcher(block.text()).find()) {
          continue;
        }
        if (block.fragment()) {
          fragments++;
          continue;
        }
        compiled++;
        String error = compile(javac, block.text());
        if (error != null) {
          failures.add(page.name() + ":" + block.line() + ": the java block does not compile (mark a part of a"
              + " file with " + FRAGMENT + " on the line before its fence):\n" + error);
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    System.out.println("DocsTest: compiled " + compiled + " java blocks, skipped " + fragments + " fragments");
    assertTrue(compiled >= 2, "only " + compiled + " java blocks compiled");
  }

  @Test
  void shellBlocksNameModulesGoalsAndJarsThatExist() throws IOException {
    Path root = root();
    Set<String> modules = modules(root);
    Set<String> goals = goals(root);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Page page : pages(root)) {
      for (Block block : page.blocks()) {
        if (!block.language().equals("sh")) {
          continue;
        }
        String cwd = "";
        String[] lines = block.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          int lineNumber = block.line() + 1 + i;
          StringBuilder command = new StringBuilder(lines[i]);
          while (command.toString().endsWith("\\") && i + 1 < lines.length) {
            command.setLength(command.length() - 1);
            command.append(' ').append(lines[++i]);
          }
          String where = page.name() + ":" + lineNumber + ": ";
          for (String part : withoutComment(command.toString()).split("&&|;|\\|\\|")) {
            List<String> words = List.of(part.trim().split("\\s+"));
            if (words.isEmpty() || words.get(0).isEmpty()) {
              continue;
            }
            String tool = words.get(0);
            if (tool.equals("cd") && words.size() > 1) {
              String dir = join(cwd, words.get(1));
              if (!dir.equals("-") && !Files.isRegularFile(root.resolve(dir).resolve("pom.xml"))) {
                failures.add(where + "cd " + words.get(1) + ": no Maven module there");
              }
              cwd = dir;
            } else if (tool.equals("mvn") || tool.endsWith("mvnw")) {
              checked++;
              failures.addAll(checkMaven(root, modules, goals, cwd, words, where));
            } else if (tool.equals("java") && words.contains("-jar")) {
              checked++;
              int at = words.indexOf("-jar");
              String jar = at + 1 < words.size() ? join(cwd, words.get(at + 1)) : "";
              String problem = checkJar(root, modules, jar);
              if (problem != null) {
                failures.add(where + "java -jar " + words.get(at + 1) + ": " + problem);
              }
            }
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked >= 5, "only " + checked + " mvn and java -jar commands found");
  }

  /**
   * Every {@code xml} block is well-formed (a line of {@code ...} stands for the rest of a POM), and each
   * {@code io.jmigrate} artifact it names is one this build makes, at this build's version; every
   * {@code json} block is well-formed JSON.
   */
  @Test
  void xmlAndJsonBlocksAreWellFormedAndNameOurArtifacts() throws Exception {
    Path root = root();
    String version = projectVersion(root);
    Set<String> artifacts = artifactIds(root);
    javax.xml.parsers.DocumentBuilder parser = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();
    parser.setErrorHandler(null);
    List<String> failures = new ArrayList<>();
    int xml = 0;
    int json = 0;
    for (Page page : pages(root)) {
      for (Block block : page.blocks()) {
        String where = page.name() + ":" + block.line() + ": ";
        if (block.language().equals("xml")) {
          xml++;
          String body = block.text().replaceAll("(?m)^\\s*\\.\\.\\.\\s*$", "");
          org.w3c.dom.Document doc;
          try {
            doc = parser.parse(new org.xml.sax.InputSource(new java.io.StringReader("<snippet>" + body + "</snippet>")));
          } catch (org.xml.sax.SAXException e) {
            failures.add(where + "not well-formed XML: " + e.getMessage());
            continue;
          }
          org.w3c.dom.NodeList groups = doc.getElementsByTagName("groupId");
          for (int i = 0; i < groups.getLength(); i++) {
            org.w3c.dom.Node group = groups.item(i);
            if (!group.getTextContent().trim().equals("io.jmigrate")) {
              continue;
            }
            String artifact = sibling(group, "artifactId");
            String v = sibling(group, "version");
            if (!artifacts.contains(artifact)) {
              failures.add(where + "io.jmigrate:" + artifact + " is not an artifact of this build " + artifacts);
            }
            if (v != null && !v.equals(version)) {
              failures.add(where + "io.jmigrate:" + artifact + ":" + v + " is not this build's version " + version);
            }
          }
        } else if (block.language().equals("json")) {
          json++;
          String problem = new JsonShape(block.text()).problem();
          if (problem != null) {
            failures.add(where + "not well-formed JSON: " + problem);
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(xml >= 3, "only " + xml + " xml blocks found");
    System.out.println("DocsTest: checked " + xml + " xml and " + json + " json blocks");
  }

  private static String sibling(org.w3c.dom.Node node, String name) {
    for (org.w3c.dom.Node n = node.getParentNode().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return n.getTextContent().trim();
      }
    }
    return null;
  }

  /** The root POM's own version (the first {@code <version>} after its {@code <artifactId>}). */
  private static String projectVersion(Path root) {
    Matcher m = Pattern.compile("<artifactId>jmigrate-parent</artifactId>\\s*<version>([^<]+)</version>|"
        + "<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>").matcher(read(root.resolve("pom.xml")));
    assertTrue(m.find(), "no version in the root pom.xml");
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The artifact ids of the root POM, every module and the BOM (each POM's own, the first after its parent). */
  private static Set<String> artifactIds(Path root) {
    Set<String> ids = new TreeSet<>();
    List<Path> poms = new ArrayList<>();
    poms.add(root.resolve("pom.xml"));
    modules(root).forEach(m -> poms.add(root.resolve(m).resolve("pom.xml")));
    for (Path pom : poms) {
      String text = read(pom).replaceAll("(?s)<parent>.*?</parent>", "");
      Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
      if (m.find()) {
        ids.add(m.group(1).trim());
      }
    }
    return ids;
  }

  /** A small JSON well-formedness check (objects, arrays, strings, numbers, literals). */
  private static final class JsonShape {
    private final String s;
    private int i;

    JsonShape(String s) {
      this.s = s;
    }

    String problem() {
      try {
        value();
        space();
        return i == s.length() ? null : "text after the value at " + i;
      } catch (IllegalStateException e) {
        return e.getMessage();
      }
    }

    private void value() {
      space();
      if (i >= s.length()) {
        throw new IllegalStateException("the text ends where a value is expected");
      }
      char c = s.charAt(i);
      if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        i++;
        space();
        if (i < s.length() && s.charAt(i) == close) {
          i++;
          return;
        }
        while (true) {
          if (c == '{') {
            space();
            string();
            space();
            expect(':');
          }
          value();
          space();
          if (i < s.length() && s.charAt(i) == ',') {
            i++;
            continue;
          }
          expect(close);
          return;
        }
      } else if (c == '"') {
        string();
      } else {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null").matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
          throw new IllegalStateException("unexpected '" + c + "' at " + i);
        }
        i = m.end();
      }
    }

    private void string() {
      expect('"');
      while (i < s.length() && s.charAt(i) != '"') {
        i += s.charAt(i) == '\\' ? 2 : 1;
      }
      expect('"');
    }

    private void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) {
        throw new IllegalStateException("expected '" + c + "' at " + i);
      }
      i++;
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }

  /** {@code mvn jmigrate:…} in running text (the Maven plugin's table) names goals the plugin has. */
  @Test
  void inlineMavenCommandsNameGoalsThePluginHas() throws IOException {
    Set<String> goals = goals(root());
    List<String> failures = new ArrayList<>();
    int checked = 0;
    Pattern goal = Pattern.compile("\\bjmigrate:([\\w-]+)");
    for (Page page : pages(root())) {
      String prose = prose(page);
      Matcher span = INLINE_CODE.matcher(prose);
      while (span.find()) {
        if (!span.group().startsWith("`mvn ")) {
          continue;
        }
        Matcher m = goal.matcher(span.group());
        while (m.find()) {
          checked++;
          if (!goals.contains(m.group(1))) {
            failures.add(page.name() + ":" + lineOf(prose, span.start()) + ": " + span.group()
                + ": the Maven plugin has no goal " + m.group(1) + " (it has " + goals + ")");
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked >= 10, "only " + checked + " inline jmigrate goals found");
  }

  /** The README's two commands, which CI and reviewers run as they are written. */
  @Test
  void theReadmeKeepsTheTwoCommands() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    for (String line : List.of(
        "mvn -B -q install -DskipTests && java -jar example-app/target/jmigrate-example-app.jar",
        "mvn -B verify")) {
      assertTrue(readme.contains("\n" + line + "\n"), "README.md lost the command: " + line);
    }
  }

  @Test
  void anchorsFollowGitHubsRule() {
    assertEquals("annotations-package-iojmigrate", anchor("Annotations (package `io.jmigrate`)"));
    assertEquals("migrations-stopped-in-the-middle-mariadbmysql-and-h2",
        anchor("Migrations stopped in the middle (MariaDB/MySQL and H2)"));
    assertEquals("adding-an-input-format-as-jpaextractor-does-for-jpa",
        anchor("Adding an input format (as `JpaExtractor` does for JPA)"));
  }

  // --- maven, jars ---

  private static List<String> checkMaven(
      Path root, Set<String> modules, Set<String> goals, String cwd, List<String> words, String where) {
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      if ((word.equals("-pl") || word.equals("--projects")) && i + 1 < words.size()) {
        for (String module : words.get(++i).split(",")) {
          if (!modules.contains(join(cwd, module.replaceFirst("^[!:]", "")))) {
            problems.add(where + "mvn -pl " + module + ": no such module in the root pom");
          }
        }
      } else if (word.equals("-f") && i + 1 < words.size()) {
        String dir = join(cwd, words.get(++i));
        if (!Files.isRegularFile(root.resolve(dir).resolve("pom.xml")) && !Files.isRegularFile(root.resolve(dir))) {
          problems.add(where + "mvn -f " + words.get(i) + ": no such pom");
        }
      } else if (word.startsWith("jmigrate:")) {
        String goal = word.substring("jmigrate:".length());
        if (!goals.contains(goal)) {
          problems.add(where + "mvn " + word + ": the Maven plugin has no goal " + goal + " (it has " + goals + ")");
        }
      }
    }
    return problems;
  }

  /** Null when {@code jar} is what a module of this repository builds, else what is wrong. */
  private static String checkJar(Path root, Set<String> modules, String jar) {
    Matcher m = Pattern.compile("(.+?)/target/(.+)").matcher(jar);
    if (!m.matches()) {
      return "not a module's target/ jar";
    }
    String module = m.group(1);
    String file = m.group(2);
    if (!modules.contains(module)) {
      return "no module " + module + " in the root pom";
    }
    String pom = read(root.resolve(module).resolve("pom.xml"));
    if (file.equals("quarkus-app/quarkus-run.jar")) {
      return pom.contains("<artifactId>quarkus-maven-plugin</artifactId>") ? null : module + " is not a Quarkus application";
    }
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    if (!finalName.find()) {
      return module + "/pom.xml sets no <finalName>, so its jar name carries the version";
    }
    String expected = finalName.group(1) + ".jar";
    return file.equals(expected) ? null : module + " builds target/" + expected;
  }

  /** Every module the root pom lists, in the default build or a profile. */
  private static Set<String> modules(Path root) {
    Set<String> modules = new TreeSet<>();
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
    while (m.find()) {
      String module = m.group(1).trim();
      modules.add(module);
      Matcher nested = Pattern.compile("<module>([^<]+)</module>")
          .matcher(read(root.resolve(module).resolve("pom.xml")));
      while (nested.find()) {
        modules.add(module + "/" + nested.group(1).trim());
      }
    }
    return modules;
  }

  /** The Maven plugin's goals, from its mojos' {@code @Mojo(name = …)}. */
  private static Set<String> goals(Path root) throws IOException {
    Set<String> goals = new TreeSet<>();
    Pattern mojo = Pattern.compile("@Mojo\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    try (Stream<Path> files = Files.walk(root.resolve("maven-plugin/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = mojo.matcher(read(file));
        while (m.find()) {
          goals.add(m.group(1));
        }
      }
    }
    if (read(root.resolve("maven-plugin/pom.xml")).contains("<goal>helpmojo</goal>")) {
      goals.add("help");
    }
    return goals;
  }

  private static String join(String cwd, String path) {
    if (path.equals("-")) {
      return path;
    }
    String joined = cwd.isEmpty() ? path : cwd + "/" + path;
    return Path.of(joined).normalize().toString().replace('\\', '/');
  }

  private static String withoutComment(String line) {
    return line.replaceFirst("(^|\\s)#.*$", "");
  }

  // --- java ---

  /** Null when the unit compiles against the test class path (the runtime's classes), else javac's report. */
  private static String compile(JavaCompiler javac, String source) throws IOException {
    Matcher name = TYPE_NAME.matcher(source);
    String type = name.find() ? name.group(1) : "Snippet";
    Path dir = Files.createTempDirectory("docs-java");
    Path file = dir.resolve(type + ".java");
    Files.writeString(file, source);
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(out, null, null,
            List.of("-proc:none", "-Xlint:none", "-classpath", System.getProperty("java.class.path"),
                "-d", dir.resolve("classes").toString()),
            null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file))
        .call();
    return ok ? null : out.toString();
  }

  // --- pages, links, anchors ---

  record Link(int line, String path, String anchor) {}

  /** The relative links of a page, outside code blocks and code spans. */
  static List<Link> links(Page page) {
    String prose = blankOut(prose(page), INLINE_CODE);
    List<Link> links = new ArrayList<>();
    Matcher m = LINK.matcher(prose);
    while (m.find()) {
      String target = m.group(1);
      if (URI.create(target.replace(" ", "%20")).getScheme() != null) {
        continue;
      }
      int line = lineOf(prose, m.start());
      int hash = target.indexOf('#');
      links.add(hash < 0
          ? new Link(line, target, null)
          : new Link(line, target.substring(0, hash), target.substring(hash + 1)));
    }
    return links;
  }

  /** The page with its fenced blocks blanked (line numbers kept). */
  private static String prose(Page page) {
    StringBuilder text = new StringBuilder();
    boolean fenced = false;
    for (String line : page.lines()) {
      boolean fence = FENCE.matcher(line).matches();
      text.append(fenced || fence ? "" : line).append('\n');
      if (fence) {
        fenced = !fenced;
      }
    }
    return text.toString();
  }

  private static int lineOf(String text, int offset) {
    return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }

  private static String blankOut(String text, Pattern pattern) {
    StringBuilder out = new StringBuilder(text);
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        if (out.charAt(i) != '\n') {
          out.setCharAt(i, ' ');
        }
      }
    }
    return out.toString();
  }

  /** The anchors GitHub gives a page's headings (a repeated heading gets -1, -2, …). */
  static Set<String> anchorsOf(Page page) {
    Set<String> anchors = new TreeSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : page.lines()) {
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        String anchor = anchor(m.group(1));
        int count = seen.merge(anchor, 1, Integer::sum);
        anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
      }
    }
    return anchors;
  }

  /** GitHub's rule: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
  }

  private static List<Page> pages(Path root) throws IOException {
    List<Page> pages = new ArrayList<>();
    pages.add(page(root, root.resolve("README.md")));
    for (Path doc : docs(root)) {
      pages.add(page(root, doc));
    }
    return pages;
  }

  private static List<Path> docs(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
  }

  static Page page(Path root, Path file) {
    List<String> lines = List.of(read(file).split("\n", -1));
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      int start = i;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
        String line = lines.get(i);
        text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
      }
      boolean fragment = start > 0 && lines.get(start - 1).strip().equals(FRAGMENT);
      blocks.add(new Block(open.group(2), start + 1, text.toString(), fragment));
    }
    return new Page(file, root.relativize(file).toString().replace('\\', '/'), lines, blocks);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The repository's root: the directory above this module that holds README.md and docs/. */
  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail("no README.md with docs/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
