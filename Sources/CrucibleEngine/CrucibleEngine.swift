// Placeholder: the engine library. See the other files of this target.
public enum CrucibleEngine {
    /// The version printed by `crucible --version`.
    public static let version = "0.1.0"
}
