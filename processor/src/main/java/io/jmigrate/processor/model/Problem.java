package io.jmigrate.processor.model;

import javax.lang.model.element.Element;

/** A mistake to report to javac, at the user's element when there is one; a warning does not fail the build. */
public record Problem(Element element, String message, boolean warning) {
  public static Problem at(Element element, String message) {
    return new Problem(element, message, false);
  }

  public static Problem warning(Element element, String message) {
    return new Problem(element, message, true);
  }
}
