package shop;

public enum Kind {
  SMALL,
  LARGE
}
