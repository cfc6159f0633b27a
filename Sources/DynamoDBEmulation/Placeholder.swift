// Placeholder until the emulation lands.
public enum DynamoDBEmulationPlaceholder {}
