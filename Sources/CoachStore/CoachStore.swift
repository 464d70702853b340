import CoachCore
/// CoachStore owns the disk: workspace paths, durable saves, locks and loading.
public enum CoachStore {}
