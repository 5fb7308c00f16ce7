package io.jmigrate.testing;

import static org.junit.jupiter.api.Assertions.fail;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A published jar's API (every public type outside {@code io.jmigrate.internal} and its public and
 * protected members) against a committed listing in the module's {@code api/} folder. Users' code and
 * the migrations the processor generated in earlier releases compile against these signatures, so a
 * change to them is a decision made in review, not a side effect: the listing is rewritten only on
 * request ({@value #UPDATE}) and its diff is read in the pull request.
 */
public final class ApiListing {
  public static final String UPDATE = "jmigrate.api.update";

  private ApiListing() {}

  /**
   * Fails naming the lines added and removed, and the command that accepts them, unless the classes
   * of {@code anchor}'s jar (or output folder) list as {@code listing} says; {@code module} is the
   * Maven module's folder, for that command.
   */
  public static void check(String module, Class<?> anchor, String listing) throws Exception {
    List<String> actual = listing(anchor);
    Path file = Path.of(listing);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> recorded = Files.exists(file)
        ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    if (recorded.equals(actual)) {
      return;
    }
    Set<String> removed = new LinkedHashSet<>(recorded);
    removed.removeAll(actual);
    Set<String> added = new LinkedHashSet<>(actual);
    added.removeAll(recorded);
    StringBuilder message = new StringBuilder()
        .append("The public API of ").append(module).append(" differs from ").append(module).append('/')
        .append(listing).append(".\n");
    removed.forEach(line -> message.append("  - ").append(line).append('\n'));
    added.forEach(line -> message.append("  + ").append(line).append('\n'));
    message.append("If the change is intended, rewrite the listing with\n")
        .append("  mvn -B -q -pl ").append(module).append(" -am test -Dtest=").append(callerTest())
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -D").append(UPDATE).append("=true\n")
        .append("and commit it, so that the change is reviewed in the pull request. A removed or")
        .append(" changed line breaks users' code or generated migrations: keep the old signature")
        .append(" (deprecated) where you can.");
    fail(message.toString());
  }

  /** The simple name of the test class that called {@link #check}, for the command in the message. */
  private static String callerTest() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(c -> c != ApiListing.class).findFirst().orElseThrow().getSimpleName());
  }

  /** One line per public type and per public or protected member, sorted. */
  public static List<String> listing(Class<?> anchor) throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files
          .map(classes::relativize)
          .map(Path::toString)
          .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length())
              .replace(java.io.File.separatorChar, '.'))
          .filter(name -> !name.startsWith("io.jmigrate.internal."))
          .sorted()
          .collect(Collectors.toList());
    }
    TreeSet<String> lines = new TreeSet<>();
    ClassLoader loader = anchor.getClassLoader();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, loader);
      if (!visible(type)) {
        continue;
      }
      lines.add(describe(type));
      String owner = type.getName();
      for (Field f : type.getDeclaredFields()) {
        if (exposed(f)) {
          lines.add(owner + " " + modifiers(f.getModifiers()) + f.getGenericType().getTypeName()
              + " " + f.getName());
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (exposed(c)) {
          lines.add(owner + " " + modifiers(c.getModifiers()) + "<init>" + parameters(c));
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (exposed(m) && !m.isBridge()) {
          String line = owner + " " + modifiers(m.getModifiers()) + (m.isDefault() ? "default " : "")
              + m.getGenericReturnType().getTypeName() + " " + m.getName() + parameters(m);
          Object value = m.getDefaultValue();
          if (value != null) {
            line += " default " + literal(value);
          }
          lines.add(line);
        }
      }
    }
    return new ArrayList<>(lines);
  }

  /** A public top-level type, or a public/protected member type of a visible type. */
  private static boolean visible(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    Class<?> enclosing = type.getEnclosingClass();
    int m = type.getModifiers();
    return enclosing == null
        ? Modifier.isPublic(m)
        : (Modifier.isPublic(m) || Modifier.isProtected(m)) && visible(enclosing);
  }

  private static boolean exposed(Member member) {
    int m = member.getModifiers();
    return !member.isSynthetic() && (Modifier.isPublic(m) || Modifier.isProtected(m));
  }

  private static String describe(Class<?> type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    int m = type.getModifiers() & ~Modifier.INTERFACE;
    if (type.isInterface() || type.isEnum() || type.isRecord()) {
      m &= ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC);
    }
    StringBuilder line = new StringBuilder(type.getName()).append(" : ")
        .append(modifiers(m)).append(type.isSealed() ? "sealed " : "").append(kind);
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class
        && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    String interfaces = Arrays.stream(type.getGenericInterfaces())
        .map(java.lang.reflect.Type::getTypeName)
        .filter(name -> !name.equals("java.lang.annotation.Annotation"))
        .collect(Collectors.joining(", "));
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ").append(interfaces);
    }
    if (type.isSealed()) {
      line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
          .map(Class::getName).sorted().collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  /** An annotation member's default as source spells it (a string quoted, an array in braces). */
  private static String literal(Object value) {
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    if (value.getClass().isArray()) {
      String inner = Arrays.deepToString(new Object[] {value});
      return "{" + inner.substring(2, inner.length() - 2) + "}";
    }
    return String.valueOf(value);
  }

  private static String modifiers(int m) {
    String text = Modifier.toString(m & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT));
    return text.isEmpty() ? "" : text + " ";
  }

  private static String parameters(Executable e) {
    return Arrays.stream(e.getGenericParameterTypes())
        .map(java.lang.reflect.Type::getTypeName)
        .collect(Collectors.joining(", ", "(", ")"))
        + (e.getGenericExceptionTypes().length == 0 ? "" : Arrays.stream(e.getGenericExceptionTypes())
            .map(java.lang.reflect.Type::getTypeName)
            .collect(Collectors.joining(", ", " throws ", "")));
  }
}
