import Foundation
import Yams

/// Parsing YAML into a node tree and describing nodes in messages.
extension FileReport {
    /// Composes `text` into a node tree (tags are left unresolved: values are classified by
    /// ``ScalarKind`` instead, which avoids Yams' regular-expression resolver in the hot loop).
    /// Syntax errors become diagnostics at the right line of the file.
    func compose(_ text: String) -> Node? {
        do {
            // An explicit encoding: the default one reads the whole process environment on every call.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            reportSyntaxError(error, in: text)
            return nil
        } catch {
            self.error("cannot parse the YAML: \(error)")
            return nil
        }
    }

    private func reportSyntaxError(_ error: YamlError, in text: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let explained = SyntaxErrorExplanation(problem: problem, context: context?.text, at: mark, in: text)
            // libyaml reports where it gave up; for an unclosed quote or bracket or a line without `:`
            // that is a later line, while the context marks where the author's mistake is.
            let place = explained.atContext ? (context?.mark ?? mark) : mark
            add(.error, yamlLine: place.line, column: place.column, "YAML syntax error: \(explained.message)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let again = Self.repeatedKeyMark(key, after: first, in: text)
            add(
                .error, yamlLine: again?.line ?? first.line, column: again?.column ?? first.column,
                "key \(quoted: key) appears more than once in the same map (first at line \(first.line + lineOffset)); keep only one")
        case .reader(let problem, let offset, _, _):
            let prefix = text.utf8.prefix(offset ?? 0)
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column =
                String(
                    decoding: prefix.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? [],
                    as: UTF8.self
                ).unicodeScalars.count + 1
            add(.error, yamlLine: line, column: column, "the YAML cannot be read: \(problem); remove control characters")
        default:
            self.error("cannot parse the YAML: \(error)")
        }
    }

    /// Where `key` is used again in the block map whose first use of it is at `first`: the next line
    /// at the same indentation that starts with `key:`, before the map ends. `nil` when not found
    /// (a flow map `{a: 1, a: 2}`), so the first use is reported instead.
    static func repeatedKeyMark(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let indent = first.column - 1
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > first.line else { continue }
            let leading = line.prefix { $0 == " " }.count
            let content = line.dropFirst(leading)
            if content.isEmpty || content.hasPrefix("#") { continue }
            // Less indented: the map has ended (a list entry's map ends at the next `- `, which is less indented too).
            if leading < indent { return nil }
            guard leading == indent else { continue }
            for spelling in spellings where content.hasPrefix(spelling) {
                if content.dropFirst(spelling.count).drop(while: { $0 == " " }).first == ":" {
                    return (lineNumber, indent + 1)
                }
            }
        }
        return nil
    }

    /// Reports at a node's position.
    func add(_ severity: Diagnostic.Severity, at node: Node, _ message: String) {
        let mark = node.mark
        add(severity, yamlLine: mark?.line ?? 1, column: mark?.column ?? 1, message)
    }

    func error(at node: Node, _ message: String) { add(.error, at: node, message) }
    func warning(at node: Node, _ message: String) { add(.warning, at: node, message) }

    /// Reports that `node` is not what `key` needs: "`xp` must be a whole number ≥ 0, found string `lots`".
    func wrongType(_ key: String, _ expected: String, _ node: Node) {
        error(at: node, "\(quoted: key) must be \(expected), found \(describe(node))")
    }
}

/// A libyaml syntax error in the author's terms: what is wrong and how to fix it, and whether the
/// context's position (where the quote, bracket or line began) is the place to point at.
struct SyntaxErrorExplanation {
    var message: String
    var atContext = false

    init(problem: String, context: String?, at mark: Mark, in text: String) {
        switch (problem, context ?? "") {
        case ("found unexpected end of stream", "while scanning a quoted scalar"):
            message = "the quote that opens here is never closed; add the closing quote at the end of the value"
            atContext = true
        case ("could not find expected ':'", "while scanning a simple key"):
            message =
                "this line is not a `key: value` line; add the `:` after the key, or remove the line "
                + "if it is left over (such as a merge-conflict marker)"
            atContext = true
        case (_, "while parsing a flow sequence"):
            message = "the list that opens with `[` here is not closed properly; separate its items with `,` and end it with `]`"
            atContext = true
        case (_, "while parsing a flow mapping"):
            message = "the map that opens with `{` here is not closed properly; separate its entries with `,` and end it with `}`"
            atContext = true
        case ("mapping values are not allowed in this context", _):
            message =
                "a `: ` appears where no key can start; put the value in quotes if it contains `: `, "
                + "or line this key up with the keys above it"
        case ("found character that cannot start any token", _):
            let character = Self.character(at: mark, in: text)
            let named =
                switch character {
                case "`": "a backquote"
                case let character?: "\(quoted: character)"
                case nil: "this character"
                }
            message =
                character == "\t"
                ? "a tab indents this line; indent with spaces only"
                : "a value cannot start with \(named); put the value in quotes"
        case ("found undefined alias", _):
            message = "`*` starts a reference to an `&anchor` that does not exist; put the value in quotes to write a literal `*`"
        case ("did not find expected key", _):
            message = "this line is indented differently from the keys above it; line it up with them"
        case ("did not find expected '-' indicator", _):
            message = "this line is among list entries but does not start with `- `; start it with `- ` or indent it under an entry"
        case (let text, _) where text.hasPrefix("Maximum nesting level reached"):
            message = "lists and maps are nested more than 1,000 levels deep; nest them less"
        case ("did not find expected <document start>", _):
            message = "a `...` or `---` line ends the keys early; remove it"
        default:
            message = problem + "; check the indentation, that a space follows each `:`, and quote values that contain `: ` or ` #`"
        }
    }

    /// The character at a 1-based line and column (in Unicode scalars) of `text`.
    private static func character(at mark: Mark, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = lines[mark.line - 1].unicodeScalars
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return String(scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)])
    }
}

/// What a plain YAML scalar denotes, decided without Yams' regular-expression resolver.
enum ScalarKind: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string

    init(_ scalar: Node.Scalar) {
        guard scalar.style == .plain || scalar.style == .any else {
            self = .string
            return
        }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .bool(true)
        case "false", "False", "FALSE": self = .bool(false)
        default:
            if let value = Int(text) {
                self = .int(value)
            } else if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
                let value = Double(text), value.isFinite
            {
                self = .float(value)
            } else {
                self = .string
            }
        }
    }
}

/// A short description of a node for messages, such as "string `lots`" or "a list".
func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
        var text = scalar.string.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        switch ScalarKind(scalar) {
        case .null: return "an empty value"
        case .bool: return "boolean \(quoted: text)"
        case .int, .float: return "number \(quoted: text)"
        case .string:
            // YAML's special floats, which are numbers but not usable ones.
            switch text.lowercased() {
            case ".nan": return "\(quoted: text) (not a number)"
            case ".inf", "+.inf": return "\(quoted: text) (infinity)"
            case "-.inf": return "\(quoted: text) (minus infinity)"
            default: return "string \(quoted: text)"
            }
        }
    case .mapping: return "a map"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

/// The keys of one YAML map, read and checked against a table of known keys.
///
/// Each accessor returns `nil` when the key is absent or its value has the wrong type,
/// reporting the latter (and a missing key when `required`), so field validation reads
/// like the format's tables: `let xp = fields.wholeNumber("xp")`.
struct Fields {
    let report: FileReport
    /// The map node itself, where "missing key" problems are reported.
    let node: Node
    /// What the map is, for messages: "the front matter", "a step".
    let what: String
    /// Parallel lists, not a dictionary: maps hold a handful of keys, and a linear search over
    /// names alone beats hashing them (and copying nodes while searching).
    private var names: [String] = []
    private var pairs: [(key: Node, value: Node)] = []

    /// Reads `node` as a map; reports it if it is not one, and reports keys not in `known`.
    init?(_ node: Node, what: String, known: [String], report: FileReport) {
        guard case .mapping(let mapping) = node else {
            report.error(at: node, "\(what) must be a map of `key: value` lines, found \(describe(node))")
            return nil
        }
        self.report = report
        self.node = node
        self.what = what
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report.error(at: key, "a key in \(what) must be a plain word, found \(describe(key))")
                continue
            }
            let name = scalar.string
            if known.contains(name) {
                names.append(name)
                pairs.append((key, value))
            } else {
                report.error(at: key, unknownMessage("key", name, known: known))
            }
        }
    }

    /// Whether the map has `key` (with any value).
    func has(_ key: String) -> Bool { entry(key) != nil }

    /// The key node of `key`, for reporting at the key rather than the value.
    func keyNode(_ key: String) -> Node? { entry(key)?.key }

    private func entry(_ key: String) -> (key: Node, value: Node)? { names.firstIndex(of: key).map { pairs[$0] } }

    /// The value of `key`; reports it missing when `required`.
    func value(_ key: String, required: Bool = false) -> Node? {
        if let value = entry(key)?.value { return value }
        if required {
            report.error(at: node, "\(what) is missing the required key \(quoted: key); add `\(key): …`")
        }
        return nil
    }

    /// Any scalar but an empty one, as text (so `title: 2048` is the string "2048"). Blank text
    /// (`""`, spaces) is an error unless `allowBlank`: a blank title or hint shows as nothing.
    func string(_ key: String, required: Bool = false, allowBlank: Bool = false) -> String? {
        value(key, required: required).flatMap { text($0, key, allowBlank: allowBlank) }
    }

    /// A text scalar at `node`, reported as `key` when it is not one or is blank.
    func text(_ node: Node, _ key: String, allowBlank: Bool = false) -> String? {
        if case .scalar(let scalar) = node, ScalarKind(scalar) != .null {
            if !allowBlank, isBlank(scalar.string) {
                report.error(at: node, "\(quoted: key) is empty; write its text")
                return nil
            }
            return scalar.string
        }
        report.wrongType(key, "a string", node)
        return nil
    }

    /// A whole number ≥ 0.
    func wholeNumber(_ key: String, required: Bool = false) -> Int? {
        value(key, required: required).flatMap { wholeNumber($0, key) }
    }

    func wholeNumber(_ node: Node, _ key: String) -> Int? {
        if case .scalar(let scalar) = node, case .int(let value) = ScalarKind(scalar), value >= 0 { return value }
        report.wrongType(key, "a whole number ≥ 0", node)
        return nil
    }

    /// A whole number in `range`: "`xp` must be a whole number from 0 to 1000, found number `5000`".
    func wholeNumber(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node, case .int(let value) = ScalarKind(scalar), range.contains(value) { return value }
        report.wrongType(key, "a whole number from \(range.lowerBound) to \(range.upperBound)", node)
        return nil
    }

    /// A number > 0, whole or not.
    func positiveNumber(_ key: String) -> Double? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node {
            switch ScalarKind(scalar) {
            case .int(let value) where value > 0: return Double(value)
            case .float(let value) where value > 0: return value
            default: break
            }
        }
        report.wrongType(key, "a number greater than 0", node)
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node, case .bool(let value) = ScalarKind(scalar) { return value }
        report.wrongType(key, "`true` or `false`", node)
        return nil
    }

    /// A list of nodes; a missing key is `nil`, not an empty list.
    func list(_ key: String, required: Bool = false) -> [Node]? {
        guard let node = value(key, required: required) else { return nil }
        if case .sequence(let sequence) = node { return Array(sequence) }
        report.wrongType(key, "a list", node)
        return nil
    }

    /// A list of strings, with each element's node for precise reports. Blank entries are errors
    /// unless `allowBlank` (an empty argument can be meant; an empty hint cannot).
    func stringNodes(_ key: String, required: Bool = false, allowBlank: Bool = false) -> [(text: String, node: Node)]? {
        guard let nodes = list(key, required: required) else { return nil }
        var result: [(text: String, node: Node)] = []
        var valid = true
        for element in nodes {
            if case .scalar(let scalar) = element, ScalarKind(scalar) != .null {
                if !allowBlank, isBlank(scalar.string) {
                    report.error(at: element, "an entry of \(quoted: key) is empty; write it or remove that entry")
                    valid = false
                    continue
                }
                result.append((scalar.string, element))
            } else {
                report.wrongType(key, "a list of strings", element)
                valid = false
            }
        }
        return valid ? result : nil
    }

    func stringList(_ key: String, required: Bool = false) -> [String]? {
        stringNodes(key, required: required)?.map(\.text)
    }

    /// A nested map, checked against its own known keys.
    func map(_ key: String, what: String, known: [String], required: Bool = false) -> Fields? {
        value(key, required: required).flatMap { Fields($0, what: what, known: known, report: report) }
    }

    /// A map from strings to strings, such as `env`.
    func stringMap(_ key: String) -> [(key: String, value: String, node: Node)]? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            report.wrongType(key, "a map of names to strings", node)
            return nil
        }
        var result: [(key: String, value: String, node: Node)] = []
        for (name, value) in mapping {
            guard case .scalar(let nameScalar) = name,
                let text = text(value, "\(key).\(nameScalar.string)", allowBlank: true)
            else {
                continue
            }
            result.append((nameScalar.string, text, value))
        }
        return result
    }
}

extension Fields {
    /// An environment map such as a step's `env`: names to strings, or to null (`~`, empty) to unset it.
    func environment(_ key: String) -> [(key: String, value: String?, node: Node)]? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            report.wrongType(key, "a map of variable names to strings (or `null` to unset one)", node)
            return nil
        }
        var result: [(key: String, value: String?, node: Node)] = []
        for (name, value) in mapping {
            guard case .scalar(let nameScalar) = name else {
                report.error(at: name, "a variable name in \(quoted: key) must be a plain word, found \(describe(name))")
                continue
            }
            if case .scalar(let scalar) = value, ScalarKind(scalar) == .null {
                result.append((nameScalar.string, nil, value))
            } else if let text = text(value, "\(key).\(nameScalar.string)", allowBlank: true) {
                result.append((nameScalar.string, text, value))
            }
        }
        return result
    }
}

/// Whether `text` shows as nothing: empty or only spaces, tabs and line breaks.
func isBlank(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
}

/// "unknown key `hnits`; did you mean `hints`?" or, with no close match, the list of valid words.
func unknownMessage(_ noun: String, _ word: String, known: [String]) -> String {
    if let suggestion = nearest(word, in: known) {
        return "unknown \(noun) \(quoted: word); did you mean \(quoted: suggestion)?"
    }
    return "unknown \(noun) \(quoted: word); use one of " + known.map { "\(quoted: $0)" }.joined(separator: ", ")
}
