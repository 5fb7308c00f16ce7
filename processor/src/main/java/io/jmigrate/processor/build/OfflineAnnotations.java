package io.jmigrate.processor.build;

import io.jmigrate.processor.diff.Finding;
import io.jmigrate.processor.diff.OnlineCheck.Acknowledgment;
import io.jmigrate.processor.diff.Subject;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @Offline} annotations of the models, read beside the model stages (which know nothing
 * of them): the acknowledgments the online check takes, and where each is written, so that a
 * finding about one (left over, or without a reason) is reported at the annotation.
 */
public final class OfflineAnnotations {
  static final String OFFLINE = "io.jmigrate.Offline";

  private final List<Acknowledgment> acknowledgments = new ArrayList<>();
  private final Map<Subject, Element> elements = new HashMap<>();
  private final Map<Subject, AnnotationMirror> mirrors = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private OfflineAnnotations() {}

  public static OfflineAnnotations read(Models models) {
    OfflineAnnotations r = new OfflineAnnotations();
    models.tableElements().forEach((table, type) -> {
      Set<Subject> covers = new HashSet<>();
      covers.add(Subject.table(table));
      models.droppableTables().forEach((dropped, by) -> {
        if (by.equals(type)) {
          covers.add(Subject.dropTable(dropped));
        }
      });
      r.add(type, Subject.table(table), covers);
    });
    models.columnElements().forEach((key, field) -> {
      int dot = key.indexOf('.');
      Subject s = Subject.column(key.substring(0, dot), key.substring(dot + 1));
      r.add(field, s, Set.of(s));
    });
    r.acknowledgments.sort((a, b) -> a.at().toString().compareTo(b.at().toString())); // a stable order of reports
    return r;
  }

  private void add(Element element, Subject at, Set<Subject> covers) {
    if (element == null) {
      return;
    }
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(OFFLINE)) {
        acknowledgments.add(new Acknowledgment(at, covers));
        elements.put(at, element);
        mirrors.put(at, m);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
          if (e.getValue().getValue() instanceof String reason && reason.isBlank()) {
            problems.add(new Problem(element, "@Offline needs a reason: say why this change may run as it is "
                + "(a maintenance window, a small table, a column no running code uses)", false, m, e.getValue()));
          }
        }
      }
    }
  }

  public List<Acknowledgment> acknowledgments() {
    return List.copyOf(acknowledgments);
  }

  public boolean isEmpty() {
    return acknowledgments.isEmpty();
  }

  /** An {@code @Offline} without a reason. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** An online finding as a problem: at the {@code @Offline} it is about, or where the models put its subject. */
  public Problem problem(Finding f, Models models) {
    if (f.subject().kind() == Subject.Kind.OFFLINE) {
      Subject at = f.subject().column() == null ? Subject.table(f.subject().table())
          : Subject.column(f.subject().table(), f.subject().column());
      Element e = elements.get(at);
      if (e != null) {
        return new Problem(e, f.message(), f.warning(), mirrors.get(at), null);
      }
    }
    return Findings.atDeclaration(f, models);
  }
}
