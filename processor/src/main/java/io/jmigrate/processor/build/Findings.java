package io.jmigrate.processor.build;

import io.jmigrate.processor.diff.Finding;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import javax.lang.model.element.Element;

/** Where a diff finding is reported: the diff names tables and columns, the models know their elements. */
public final class Findings {
  private Findings() {}

  /** A diff finding as a problem at the declaration it names. */
  public static Problem atDeclaration(Finding f, Models models) {
    Element at;
    switch (f.subject().kind()) {
      case COLUMN:
        at = models.columnElement(f.subject().table(), f.subject().column());
        break;
      case DROP_TABLE:
        at = models.droppableTables().get(f.subject().table());
        break;
      case RENAMED_FROM: {
        String key = f.subject().column() == null ? f.subject().table() : f.subject().table() + "." + f.subject().column();
        Origin o = models.renamedFromOrigins().get(key);
        if (o != null && o.element() != null) {
          return new Problem(o.element(), f.message(), f.warning(), o.annotation(), o.value()); // at the annotation value
        }
        at = f.subject().column() == null ? models.tableElements().get(f.subject().table())
            : models.columnElement(f.subject().table(), f.subject().column());
        break;
      }
      default: // TABLE, DROP_COLUMN: the model's type (none for a table gone from the models)
        at = models.tableElements().get(f.subject().table());
    }
    Finding said = inEntity(at) ? f.forEntity() : f;
    return new Problem(at, said.message(), said.warning(), null, null);
  }

  /** Whether the element is a JPA entity's, embeddable's or mapped superclass's (or the type itself). */
  private static boolean inEntity(Element at) {
    for (Element e = at; e != null; e = e.getEnclosingElement()) {
      if (e.getKind().isClass()) {
        for (javax.lang.model.element.AnnotationMirror m : e.getAnnotationMirrors()) {
          String name = m.getAnnotationType().toString();
          if (name.matches("(jakarta|javax)\\.persistence\\.(Entity|Embeddable|MappedSuperclass)")) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }
}
