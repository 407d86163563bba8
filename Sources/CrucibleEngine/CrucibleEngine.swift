/// The course engine: lessons (model, loading, linting, authoring), checks (running steps in
/// confined processes, comparing output, findings), progress and the game rules, tools and
/// the file watcher. No terminal code: the command line and the full-screen UI both build on it.
public enum CrucibleEngine {
    /// The version `crucible --version` prints. Also part of every check cache key
    /// (``CheckCache``), so a new engine never reuses results an older one cached.
    public static let version = "0.1.0"
}
