package io.jmigrate.examplejpa.model;

public enum Species {
  CAT, DOG, HAMSTER, LIZARD
}
