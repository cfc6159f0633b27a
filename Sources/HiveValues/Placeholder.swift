// Placeholder until the values library lands.
public enum HiveValuesPlaceholder {}
