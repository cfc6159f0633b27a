// Placeholder until the wrapper lands.
public enum SQLiteStorePlaceholder {}
