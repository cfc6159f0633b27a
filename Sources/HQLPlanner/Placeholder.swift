// Placeholder until the planner lands.
public enum HQLPlannerPlaceholder {}
