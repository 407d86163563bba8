import Foundation

/// Where the progress file lives when `--progress` does not say.
public enum ProgressLocation {
    /// The environment variable naming a progress file, like `--progress FILE`.
    public static let environmentKey = "CRUCIBLE_PROGRESS"

    /// The file to use: `$CRUCIBLE_PROGRESS`, else `$XDG_STATE_HOME/crucible/progress.json`,
    /// else `~/.local/state/crucible/progress.json`.
    ///
    /// `XDG_STATE_HOME` is ignored unless it is an absolute path, as the XDG spec asks.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let named = environment[environmentKey], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        return BaseFolder.state.crucible(environment: environment).appendingPathComponent("progress.json")
    }

    /// `--progress FILE` when given, else ``defaultFile(environment:)``.
    public static func file(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        return defaultFile(environment: environment)
    }
}
