package io.jmigrate.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A mistake to report to javac, at the user's element when there is one and, where it applies,
 * at the annotation value (null otherwise); a warning does not fail the build, nor does a note
 * (information, printed as javac's NOTE: {@code warning} is true for it too).
 */
public record Problem(Element element, String message, boolean warning, AnnotationMirror annotation,
    AnnotationValue value, boolean note) {
  public Problem(Element element, String message, boolean warning, AnnotationMirror annotation, AnnotationValue value) {
    this(element, message, warning, annotation, value, false);
  }

  /** Information at the declaration's origin, printed as a javac note. */
  public static Problem note(Origin origin, String message) {
    return new Problem(origin.element(), message, true, origin.annotation(), origin.value(), true);
  }

  public static Problem at(Element element, String message) {
    return new Problem(element, message, false, null, null);
  }

  public static Problem warning(Element element, String message) {
    return new Problem(element, message, true, null, null);
  }

  /** An error at the declaration's origin: its element, annotation and annotation value. */
  public static Problem error(Origin origin, String message) {
    return new Problem(origin.element(), message, false, origin.annotation(), origin.value());
  }
}
