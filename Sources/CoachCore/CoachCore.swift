/// CoachCore is the pure heart of Sales Coach: plan model, JSON, playbooks, walks, checks,
/// scoring and rendering to strings. Nothing here touches files, the terminal, the clock or
/// the environment; those arrive as values or small protocols from the edges.
public enum CoachCore {
  public static let version = "0.1.0"
}
