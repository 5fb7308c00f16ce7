package tickets;

public enum Priority {
  LOW,
  HIGH
}
