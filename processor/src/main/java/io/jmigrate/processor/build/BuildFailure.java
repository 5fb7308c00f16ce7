package io.jmigrate.processor.build;

/** A problem with the build's inputs (not with a model element): one message for the user, what is wrong and what to do. */
public final class BuildFailure extends Exception {
  public BuildFailure(String message) {
    super(message);
  }
}
