import Foundation

/// The XDG base folders Crucible keeps its files under, each with its fallback in the home, as
/// the XDG Base Directory spec gives them: a variable that is not an absolute path is ignored.
public enum BaseFolder: Sendable {
    /// `$XDG_DATA_HOME`, else `~/.local/share`: the learner's workspace.
    case data
    /// `$XDG_STATE_HOME`, else `~/.local/state`: progress.
    case state
    /// `$XDG_CACHE_HOME`, else `~/.cache`: what can be made again (check results, build caches).
    case cache
    /// `$XDG_CONFIG_HOME`, else `~/.config`: the learner's decisions (trusted courses).
    case config

    /// This base folder's `crucible` folder for `environment`.
    public func crucible(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let (variable, inHome) =
            switch self {
            case .data: ("XDG_DATA_HOME", ".local/share")
            case .state: ("XDG_STATE_HOME", ".local/state")
            case .cache: ("XDG_CACHE_HOME", ".cache")
            case .config: ("XDG_CONFIG_HOME", ".config")
            }
        let base =
            environment[variable].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? Self.home(environment: environment).appendingPathComponent(inHome)
        return base.appendingPathComponent("crucible")
    }

    /// `$HOME` when set and not empty, else the account's home folder.
    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
    }
}
