package io.jmigrate.processor.model;

import javax.lang.model.element.Element;

/** A mistake to report as a javac error, at the user's element when there is one. */
public record Problem(Element element, String message) {
  public static Problem at(Element element, String message) {
    return new Problem(element, message);
  }
}
