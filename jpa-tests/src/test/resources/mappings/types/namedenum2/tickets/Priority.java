package tickets;

/** A constant added in the middle and one at the end: ALTER TYPE … ADD VALUE AFTER, and at the end. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  URGENT
}
