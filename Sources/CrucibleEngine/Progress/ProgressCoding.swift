import Foundation

/// The progress file's JSON form: pretty-printed with sorted keys, dates in ISO 8601,
/// a schema version, and migrations from older versions.
public enum ProgressCoding {
    /// The schema this build reads and writes.
    public static let currentSchemaVersion = 1

    /// Encodes `progress` as the file's bytes (ending in a newline).
    /// - Parameter unknownKeys: keys the file had that this build does not know, put back as they were.
    public static func encode(_ progress: SavedProgress, keeping unknownKeys: ProgressUnknownKeys = .none) throws -> Data {
        let data = try ProgressJSONEncoder.encode(progress, endingWithNewline: true)
        // Kept keys go back only when the result still loads: a file whose key appears twice
        // (JSONDecoder reads one copy, JSONSerialization the other) could otherwise put an
        // unreadable value back where a known field is. A save never writes a file it cannot read.
        if var kept = unknownKeys.restore(into: data, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            (try? decode(kept)) != nil
        {
            kept.append(0x0A)
            return kept
        }
        return data
    }

    /// Foundation's encoder of the file's style, for other progress JSON such as `crucible progress --json`;
    /// the file itself is written by ``ProgressJSONEncoder``, which writes the same bytes several times faster.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Decodes a progress file, migrating an older schema.
    ///
    /// - Parameter migrations: steps from older schemas, ``ProgressMigration/all`` by default
    ///   (tests pass their own).
    /// - Throws: ``ProgressDecodingFailure``: `.newerSchema` when a newer Crucible wrote the file,
    ///   `.unreadable` for anything that is not a progress file (with the reason).
    public static func decode(_ data: Data, migrations: [ProgressMigration] = ProgressMigration.all) throws -> Decoded {
        if data.isEmpty { throw ProgressDecodingFailure.unreadable("the file is empty") }
        // Before any parser sees it: a parser's own limit would be reported as "not valid JSON".
        if ProgressFileLimits.nestsDeeper(data, than: ProgressFileLimits.maximumDepth) {
            throw ProgressDecodingFailure.unreadable(
                "it is nested too deep: more than \(ProgressFileLimits.maximumDepth) levels of arrays and objects, where a progress file has about 6"
            )
        }
        if let duplicate = ProgressFileLimits.duplicateKey(in: data) {
            let place = duplicate.path.isEmpty ? "at the top level" : "in " + duplicate.path.joined(separator: " → ")
            throw ProgressDecodingFailure.unreadable(
                "the key `\(duplicate.key)` appears twice in one object (\(place)), so which value counts is unclear; "
                    + "Crucible never writes a file like that")
        }
        let header: SchemaHeader
        do {
            header = try JSONDecoder().decode(SchemaHeader.self, from: data)
        } catch let failure as ProgressDecodingFailure {
            throw failure
        } catch {
            throw ProgressDecodingFailure.unreadable(numberOutOfRange(in: data) ?? describe(error))
        }
        if header.schemaVersion > currentSchemaVersion {
            throw ProgressDecodingFailure.newerSchema(header.schemaVersion)
        }
        var json = data
        var migratedFrom: Int?
        if header.schemaVersion < currentSchemaVersion {
            json = try migrate(data, from: header.schemaVersion, using: migrations)
            migratedFrom = header.schemaVersion
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var progress: SavedProgress
        do {
            progress = try decoder.decode(SavedProgress.self, from: json)
        } catch {
            throw ProgressDecodingFailure.unreadable(numberOutOfRange(in: json) ?? describe(error))
        }
        // Unknown keys are found before clamping: clamping changes values, never keys.
        let unknownKeys = ProgressUnknownKeys.find(original: json, decoded: try ProgressJSONEncoder.encode(progress))
        let clamped = progress.clampToBounds()
        return Decoded(progress: progress, migratedFrom: migratedFrom, unknownKeys: unknownKeys, clamped: clamped)
    }

    /// A decoded file, the schema it was migrated from, if it was, the keys this build does not
    /// know, and the numbers that were out of ``NumberBounds`` and clamped (one line each, for a notice).
    public struct Decoded: Sendable, Equatable {
        public var progress: SavedProgress
        public var migratedFrom: Int?
        public var unknownKeys: ProgressUnknownKeys = .none
        public var clamped: [String] = []
    }

    /// Only the version, read first so a newer file is recognised even when its shape changed.
    private struct SchemaHeader: Decodable {
        var schemaVersion: Int

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            schemaVersion = try container.decodeWholeNumber(forKey: .schemaVersion)
            // No Crucible writes 1e300: such a file is damaged, not newer, and is set aside.
            guard NumberBounds.schemaVersion.contains(schemaVersion) else {
                throw ProgressDecodingFailure.unreadable(
                    "`schemaVersion` \(schemaVersion) is out of range (\(NumberBounds.schemaVersion.lowerBound) to \(NumberBounds.schemaVersion.upperBound))"
                )
            }
        }

        private enum CodingKeys: String, CodingKey { case schemaVersion }
    }

    private static func migrate(_ data: Data, from version: Int, using migrations: [ProgressMigration]) throws -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ProgressDecodingFailure.unreadable("the top level is not a JSON object")
        }
        var at = version
        while at < currentSchemaVersion {
            guard let step = migrations.first(where: { $0.from == at }) else {
                throw ProgressDecodingFailure.unreadable("schema version \(at) is not one this Crucible can migrate")
            }
            do { try step.apply(&object) } catch {
                throw ProgressDecodingFailure.unreadable("migrating from schema \(at) failed: \(error)")
            }
            at += 1
            object["schemaVersion"] = at
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// Foundation's decoder calls a number beyond `Double` (`1e400`) "not valid JSON" with no
    /// place; its parser names the number, so this says which one and on what line.
    static func numberOutOfRange(in data: Data) -> String? {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
            return nil
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        }
        guard let start = detail.range(of: "Number "), let end = detail.range(of: " is not representable"),
            start.upperBound <= end.lowerBound
        else { return nil }
        let number = String(detail[start.upperBound..<end.lowerBound])
        let text = String(decoding: data, as: UTF8.self)
        guard let at = text.range(of: number) else { return "the number \(number.prefix(40)) is out of range" }
        let line = text[..<at.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        return "the number \(number.prefix(40)) on line \(line) is out of range"
    }

    /// Says what is wrong with a JSON file and where, in one line.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty
                ? "the top level"
                : "`"
                    + keys.map { $0.intValue.map { "[\($0)]" } ?? visible($0.stringValue) }
                    .joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "`"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "\(path(context.codingPath)) lacks the key `\(key.stringValue)`"
        case DecodingError.typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not a \(typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null where a \(typeName(type)) belongs"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "it is not valid JSON (cut short or not text)" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    /// A key from the file as it can be shown: control characters escaped (`\u{1B}`), at most 80 characters.
    private static func visible(_ key: String) -> String {
        let shown = key.count > 80 ? key.prefix(80) + "…" : Substring(key)
        guard shown.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return String(shown) }
        return String(String(reflecting: String(shown)).dropFirst().dropLast())
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "whole number"
        case is Double.Type: "number"
        case is String.Type: "string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Dictionary") ? "JSON object" : "\(type)"
        }
    }
}

/// Why bytes could not be read as progress.
public enum ProgressDecodingFailure: Error, Sendable, Equatable {
    /// Not a progress file this build understands; the reason says what is wrong and where.
    case unreadable(String)
    /// Written by a newer Crucible with this schema version.
    case newerSchema(Int)
}

/// One step that turns a file of schema `from` into schema `from + 1`, working on the raw
/// JSON object so that old shapes need no Swift types of their own.
public struct ProgressMigration: Sendable {
    public var from: Int
    public var apply: @Sendable (inout [String: Any]) throws -> Void

    public init(from: Int, apply: @escaping @Sendable (inout [String: Any]) throws -> Void) {
        self.from = from
        self.apply = apply
    }

    /// Every migration this build knows. Schema 1 is the first published one, so there are none
    /// yet; when schema 2 comes, add `ProgressMigration(from: 1) { … }` here.
    public static let all: [ProgressMigration] = []
}
