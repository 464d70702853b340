import CoachCore
/// Test doubles shared by every test target.
public enum CoachTestSupport {}
