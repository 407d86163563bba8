import Foundation
import Yams

/// A JSON value, as read from a YAML file with YAML 1.1's core types (so `xp: 10` is an integer
/// and `answer: "14"` a string), for validating course files against their JSON Schemas.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads YAML text; throws on a syntax error.
    static func yaml(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return try JSONValue(node)
    }

    init(_ node: Node) throws {
        switch node {
        case .scalar(let scalar):
            // Resolved by YAML's rules, so that a quoted "14" stays a string.
            switch Resolver.default.resolveTag(of: node) {
            case .null: self = .null
            case .bool: self = .bool(node.bool ?? false)
            case .int: self = node.int.map(JSONValue.integer) ?? .string(scalar.string)
            case .float: self = node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .array(try sequence.map(JSONValue.init))
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { throw SchemaError("a map key that is not a string: \(key)") }
                object[name] = try JSONValue(value)
            }
            self = .object(object)
        case .alias:
            throw SchemaError("YAML aliases are not used in course files")
        }
    }

    /// A string or number decoded by JSONSerialization (from a schema's `enum` or `const`).
    init(json: Any) {
        switch json {
        case let text as String: self = .string(text)
        // The course schemas' `enum` and `const` hold strings only, so booleans need no case of their own.
        case let number as NSNumber:
            let value = number.doubleValue
            self = value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
        case let array as [Any]: self = .array(array.map(JSONValue.init(json:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(json:)))
        default: self = .null
        }
    }

    /// The JSON Schema type names this value has ("integer" values are also "number").
    var types: [String] {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number(let value): value == value.rounded() ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    var numeric: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }
}

struct SchemaError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Validates JSON values against a JSON Schema (draft 2020-12), supporting the subset the course
/// schemas use. A keyword outside that subset is reported as an error rather than skipped, so a
/// schema can never be more lenient here than it looks.
struct JSONSchemaValidator {
    /// Keywords that only describe and never constrain.
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let supported: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items",
        "minItems", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "minProperties",
        "maxProperties", "oneOf", "anyOf", "allOf", "if", "then", "else",
    ]

    let root: [String: Any]

    init(schema url: URL) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw SchemaError("\(url.lastPathComponent) is not a JSON object")
        }
        self.root = root
    }

    /// Every way `value` breaks the schema, each as "PATH: problem"; empty when it is valid.
    func errors(in value: JSONValue) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", into: &errors)
        return errors
    }

    /// The keywords of every schema in the file that this validator does not support.
    func unsupportedKeywords() -> Set<String> {
        var found = Set<String>()
        func walk(_ schema: Any) {
            guard let schema = schema as? [String: Any] else { return }
            for (key, value) in schema {
                if !Self.supported.contains(key) && !Self.annotations.contains(key) { found.insert(key) }
                switch key {
                case "properties", "$defs": (value as? [String: Any])?.values.forEach(walk)
                case "oneOf", "anyOf", "allOf": (value as? [Any])?.forEach(walk)
                case "items", "additionalProperties", "if", "then", "else": walk(value)
                default: break
                }
            }
        }
        walk(root)
        return found
    }

    private func check(_ value: JSONValue, against schema: [String: Any], at path: String, into errors: inout [String]) {
        func fail(_ message: String) { errors.append("\(path): \(message)") }
        for key in schema.keys where !Self.supported.contains(key) && !Self.annotations.contains(key) {
            fail("the validator does not support the keyword `\(key)`")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { return fail("cannot resolve $ref \(reference)") }
            check(value, against: target, at: path, into: &errors)
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            if Set(allowed).isDisjoint(with: value.types) {
                return fail("expected \(allowed.joined(separator: " or ")), found \(value.types[0])")
            }
        }
        if let options = schema["enum"] as? [Any], !options.map(JSONValue.init(json:)).contains(value) {
            fail("\(value) is not one of \(options)")
        }
        if let constant = schema["const"], JSONValue(json: constant) != value {
            fail("expected \(constant), found \(value)")
        }
        checkNumber(value, schema, fail)
        if case .string(let text) = value {
            if let minimum = schema["minLength"] as? Int, text.count < minimum { fail("shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String,
                text.range(of: pattern, options: .regularExpression) == nil
            {
                fail("`\(text)` does not match \(pattern)")
            }
        }
        if case .array(let elements) = value {
            if let minimum = schema["minItems"] as? Int, elements.count < minimum { fail("fewer than \(minimum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in elements.enumerated() { check(element, against: items, at: "\(path)[\(index)]", into: &errors) }
            }
        }
        if case .object(let members) = value {
            checkObject(members, schema, at: path, into: &errors)
        }
        checkCombinations(value, schema, at: path, into: &errors)
    }

    private func checkNumber(_ value: JSONValue, _ schema: [String: Any], _ fail: (String) -> Void) {
        guard let number = value.numeric else { return }
        if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum { fail("\(number) is below \(minimum)") }
        if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum { fail("\(number) is above \(maximum)") }
        if let bound = (schema["exclusiveMinimum"] as? NSNumber)?.doubleValue, number <= bound {
            fail("\(number) must be greater than \(bound)")
        }
    }

    private func checkObject(
        _ members: [String: JSONValue], _ schema: [String: Any], at path: String,
        into errors: inout [String]
    ) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for name in schema["required"] as? [String] ?? [] where members[name] == nil {
            errors.append("\(path): missing required `\(name)`")
        }
        if let minimum = schema["minProperties"] as? Int, members.count < minimum { errors.append("\(path): fewer than \(minimum) keys") }
        if let maximum = schema["maxProperties"] as? Int, members.count > maximum { errors.append("\(path): more than \(maximum) keys") }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] as? [String: Any] {
                check(member, against: property, at: "\(path).\(name)", into: &errors)
            } else if let additional = schema["additionalProperties"] {
                if let allowed = additional as? [String: Any] {
                    check(member, against: allowed, at: "\(path).\(name)", into: &errors)
                } else if additional as? Bool == false {
                    errors.append("\(path): unknown key `\(name)`")
                }
            }
        }
    }

    private func checkCombinations(_ value: JSONValue, _ schema: [String: Any], at path: String, into errors: inout [String]) {
        func passes(_ candidate: Any) -> Bool {
            guard let candidate = candidate as? [String: Any] else { return false }
            var scratch: [String] = []
            check(value, against: candidate, at: path, into: &scratch)
            return scratch.isEmpty
        }
        if let all = schema["allOf"] as? [Any] {
            for case let part as [String: Any] in all { check(value, against: part, at: path, into: &errors) }
        }
        if let any = schema["anyOf"] as? [Any], !any.contains(where: passes) {
            errors.append("\(path): matches none of anyOf")
        }
        if let one = schema["oneOf"] as? [Any], one.filter(passes).count != 1 {
            errors.append("\(path): matches \(one.filter(passes).count) of oneOf, not exactly one")
        }
        if let condition = schema["if"] {
            let branch = passes(condition) ? schema["then"] : schema["else"]
            if let branch = branch as? [String: Any] { check(value, against: branch, at: path, into: &errors) }
        }
    }

    /// `#/$defs/NAME` in this file.
    private func resolve(_ reference: String) -> [String: Any]? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        return (root["$defs"] as? [String: Any])?[String(reference.dropFirst(prefix.count))] as? [String: Any]
    }
}
