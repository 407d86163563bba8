import Foundation

/// Keys in a progress file that this build does not know (written by a newer Crucible of the
/// same schema, another tool, or the learner), kept so that a save puts them back.
///
/// Found by comparing the file's JSON with the JSON of what was decoded from it: every key the
/// file has and the decoded model does not write is unknown, at any depth (top level, course,
/// lesson, streak…). A save adds them back only to objects that still exist, so a lesson record
/// that was removed (reset) loses its unknown keys with it, and a key the model now writes wins.
public struct ProgressUnknownKeys: Sendable, Equatable {
    /// The unknown keys as JSON: `{"keys": {unknown key: value}, "below": {known key: the same
    /// shape for that object}}`, so an unknown key is never mistaken for a known object's part;
    /// `nil` when there are none, which is nearly always.
    let json: Data?

    public static let none = ProgressUnknownKeys(json: nil)

    public var isEmpty: Bool { json == nil }

    /// The keys of `original` missing from `decoded` (the model's own JSON of the same file).
    static func find(original: Data, decoded: Data) -> ProgressUnknownKeys {
        // A file this build wrote is its own decoded JSON plus a newline: nothing to parse.
        if original.count >= decoded.count && original.count <= decoded.count + 1 && original.starts(with: decoded)
            && (original.count == decoded.count || original.last == 0x0A)
        {
            return .none
        }
        guard let file = (try? JSONSerialization.jsonObject(with: original)) as? [String: Any],
            let known = (try? JSONSerialization.jsonObject(with: decoded)) as? [String: Any],
            let unknown = difference(file, known),
            let json = try? JSONSerialization.data(withJSONObject: unknown, options: [.sortedKeys])
        else { return .none }
        return ProgressUnknownKeys(json: json)
    }

    /// What `file` has beyond `known`, in the shape of ``json``; `nil` when nothing.
    /// Null values carry nothing and are dropped.
    private static func difference(_ file: [String: Any], _ known: [String: Any]) -> [String: Any]? {
        var keys: [String: Any] = [:], below: [String: Any] = [:]
        for (key, value) in file where !(value is NSNull) {
            guard let knownValue = known[key] else {
                keys[key] = value
                continue
            }
            if let object = value as? [String: Any], let knownObject = knownValue as? [String: Any],
                let inner = difference(object, knownObject)
            {
                below[key] = inner
            }
        }
        if keys.isEmpty && below.isEmpty { return nil }
        return ["keys": keys, "below": below]
    }

    /// `encoded` (the model's JSON) with these keys added back where their objects still exist;
    /// `nil` when there is nothing to add.
    func restore(into encoded: Data, options: JSONSerialization.WritingOptions) -> Data? {
        guard let json, let unknown = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any],
            let known = (try? JSONSerialization.jsonObject(with: encoded)) as? [String: Any]
        else { return nil }
        return try? JSONSerialization.data(withJSONObject: Self.adding(unknown, to: known), options: options)
    }

    private static func adding(_ unknown: [String: Any], to known: [String: Any]) -> [String: Any] {
        var merged = known
        // A key the model writes now wins over the unknown one of the same name.
        for (key, value) in unknown["keys"] as? [String: Any] ?? [:] where merged[key] == nil { merged[key] = value }
        for (key, inner) in unknown["below"] as? [String: Any] ?? [:] {
            if let object = merged[key] as? [String: Any], let inner = inner as? [String: Any] {
                merged[key] = adding(inner, to: object)
            }
        }
        return merged
    }
}
