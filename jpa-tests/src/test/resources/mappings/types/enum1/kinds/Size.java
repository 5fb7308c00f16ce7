package kinds;

/** Constants of one letter: Hibernate 7 stores them by name in a char(1) when the column's length is 1. */
public enum Size {
  S,
  M,
  L
}
