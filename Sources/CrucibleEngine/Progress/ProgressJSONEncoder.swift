import Foundation
import Synchronization

/// Encodes a value exactly as Foundation's `JSONEncoder` does with the progress file's style
/// (`[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, ISO 8601 dates), byte for byte,
/// at a fraction of the cost: a 2,000-lesson file took 9 ms in `JSONEncoder` (its tree of
/// `JSONEncoderValue`s, dictionaries of `String` keys, one `String` per number) and about 2 ms here.
///
/// Driven by the values' own `Encodable` conformances, so a field added to the model is written
/// without touching this file. Values are recorded in one flat buffer of nodes (no object per
/// container) with their text already rendered; each object's keys are sorted when it is written.
///
/// Matches swift-foundation's `JSONWriter` (FoundationEssentials): two-space indentation,
/// `"key" : value`, keys sorted by their UTF-8 bytes, an empty object or array written as
/// `{`, an empty line, `}`; strings escape `"` `\` `\b` `\f` `\n` `\r` `\t` and other control
/// characters as `\u00xx`, and nothing else; numbers are their `description`, a Double's without
/// a trailing `.0`; NaN and infinity throw. What it does not do: merge two
/// `nestedContainer(keyedBy:forKey:)` calls for the same key (the later one wins), which no
/// progress type makes.
struct ProgressJSONEncoder {
    /// The JSON of `value`, ending in a newline when `endingWithNewline` (cheaper than
    /// appending one to the `Data`, which copies it).
    static func encode<T: Encodable>(_ value: T, endingWithNewline: Bool = false) throws -> Data {
        let spare = spareTree.withLock { $0.take() }
        let tree =
            spare?.pointer
            ?? {
                let tree = UnsafeMutablePointer<JSONNodeTree>.allocate(capacity: 1)
                tree.initialize(to: JSONNodeTree())
                return tree
            }()
        defer {
            tree.pointee.reset()
            // Two encodings at once each had a tree; one is kept.
            let kept = spareTree.withLock { spare in
                guard spare == nil else { return false }
                spare = SpareTree(pointer: tree)
                return true
            }
            if !kept {
                tree.pointee.free()
                tree.deinitialize(count: 1)
                tree.deallocate()
            }
        }
        try JSONNodeEncoder(tree: tree, node: 0).encodeValue(value)
        if tree.pointee.nodes[0].kind == .empty {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return JSONNodeWriter.write(tree, endingWithNewline: endingWithNewline)
    }

    /// The last encoding's tree, emptied, for the next: a save reuses its buffers instead of
    /// growing new ones (the copies and page faults of growing cost a fifth of a large save).
    /// Kept for the life of the process, at the size of the largest file encoded.
    private static let spareTree = Mutex<SpareTree?>(nil)

    /// Sendable unchecked: a tree is taken out under the lock, so one encoding at a time has it.
    private struct SpareTree: @unchecked Sendable { let pointer: UnsafeMutablePointer<JSONNodeTree> }
}

/// What a node holds: nothing yet (written `{}` as `JSONEncoder` does for a value that encoded
/// nothing), rendered text, or children.
private enum JSONNodeKind: UInt8 {
    case empty, text, object, array
}

/// One value, and the key it has in its parent object (none in an array).
private struct JSONNode {
    var kind = JSONNodeKind.empty
    var parent: Int32
    /// The key's raw UTF-8 bytes in ``JSONNodeTree/keys``, escaped only when written (escaping
    /// would change the order: `"` sorts before `#`, `\"` after); `keyStart` -1 in arrays.
    var keyStart: Int32 = -1
    var keyEnd: Int32 = -1
    /// The rendered JSON of a `.text` node in ``JSONNodeTree/text``.
    var textStart: Int32 = 0
    var textEnd: Int32 = 0
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    var childCount: Int32 = 0
}

/// Every node of one encoding, node 0 the top level. The encoder and its containers reach it
/// through a pointer: as a class, its exclusivity checks were a third of the encoding and the
/// retains around each use a tenth.
private struct JSONNodeTree {
    var nodes = RawBuffer<JSONNode>(capacity: 1024)
    var text = RawBuffer<UInt8>(capacity: 16 * 1024)
    var keys = RawBuffer<UInt8>(capacity: 8 * 1024)
    /// The key order of large objects from earlier encodings, kept with the spare tree.
    var largeObjectOrders: [Int: LargeObjectOrder] = [:]

    init() { nodes.append(JSONNode(parent: -1)) }

    /// Releases the buffers; the tree is not used again.
    func free() {
        nodes.free()
        text.free()
        keys.free()
    }

    /// Empty again, keeping the buffers' capacity.
    mutating func reset() {
        nodes.removeAll()
        nodes.append(JSONNode(parent: -1))
        text.removeAll()
        keys.removeAll()
    }

    /// Makes `node` a container of `kind`; a node that already is one stays as it is, so that
    /// asking twice for a container adds to the same one.
    mutating func becomeContainer(_ node: Int32, _ kind: JSONNodeKind) {
        if nodes[Int(node)].kind != kind {
            nodes[Int(node)].kind = kind
            nodes[Int(node)].firstChild = -1
            nodes[Int(node)].lastChild = -1
            nodes[Int(node)].childCount = 0
        }
    }

    /// A new child of `parent` under `key` (nil in an array).
    mutating func addChild(of parent: Int32, key: String?) -> Int32 {
        let index = Int32(nodes.count)
        var node = JSONNode(parent: parent)
        if let key {
            node.keyStart = Int32(keys.count)
            if key.utf8.withContiguousStorageIfAvailable({ keys.append($0) }) == nil { keys.append(Array(key.utf8)) }
            node.keyEnd = Int32(keys.count)
        }
        nodes.append(node)
        let last = nodes[Int(parent)].lastChild
        if last < 0 { nodes[Int(parent)].firstChild = index } else { nodes[Int(last)].nextSibling = index }
        nodes[Int(parent)].lastChild = index
        nodes[Int(parent)].childCount += 1
        return index
    }

    /// Sets `node`'s text to what `render` appends.
    @inline(__always)
    mutating func setText(_ node: Int32, _ render: (inout RawBuffer<UInt8>) -> Void) {
        let start = Int32(text.count)
        render(&text)
        nodes[Int(node)].kind = .text
        nodes[Int(node)].textStart = start
        nodes[Int(node)].textEnd = Int32(text.count)
    }

    /// The coding path of `node`, for error messages only.
    func codingPath(of node: Int32) -> [CodingKey] {
        var path: [CodingKey] = []
        var at = node
        while at > 0 {
            let entry = nodes[Int(at)]
            if entry.keyStart >= 0 {
                path.append(
                    JSONNodeKey(
                        stringValue: String(
                            decoding: UnsafeBufferPointer(rebasing: keys.buffer[Int(entry.keyStart)..<Int(entry.keyEnd)]), as: UTF8.self)))
            } else {
                var position = 0
                var sibling = nodes[Int(entry.parent)].firstChild
                while sibling != at {
                    position += 1
                    sibling = nodes[Int(sibling)].nextSibling
                }
                path.append(JSONNodeKey(intValue: position))
            }
            at = entry.parent
        }
        return path.reversed()
    }
}

private struct JSONNodeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

/// The `Encoder` of one node: a value type, so encoding a nested value allocates nothing.
private struct JSONNodeEncoder: Encoder {
    /// Valid while ``ProgressJSONEncoder/encode(_:endingWithNewline:)`` runs: `Encodable` values
    /// do not keep their encoder.
    let tree: UnsafeMutablePointer<JSONNodeTree>
    let node: Int32

    var codingPath: [CodingKey] { tree.pointee.codingPath(of: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.pointee.becomeContainer(node, .object)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(tree: tree, node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        tree.pointee.becomeContainer(node, .array)
        return JSONUnkeyedContainer(tree: tree, node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { JSONSingleValueContainer(tree: tree, node: node) }

    /// Writes `value` into this node: the types `JSONEncoder` treats specially (dates, and the
    /// plain values for speed) directly, anything else through its own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // Comparing the types costs a pointer comparison, where `value as? Date` is a dynamic cast.
        if T.self == String.self {
            encodeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Date.self {
            encodeDate(unsafeBitCast(value, to: Date.self))
        } else if T.self == Int.self {
            encodeInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            encodeBool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == Double.self {
            try encodeFloat(unsafeBitCast(value, to: Double.self))
        } else if T.self == URL.self {
            encodeString((value as! URL).absoluteString)
        } else if T.self == Data.self {
            encodeString((value as! Data).base64EncodedString())
        } else if T.self == Decimal.self {
            let decimal = value as! Decimal
            tree.pointee.setText(node) { JSONText.appendUnquoted(decimal.description, to: &$0) }
        } else {
            try value.encode(to: self)
        }
    }

    func encodeNil() { tree.pointee.setText(node) { JSONText.append("null", to: &$0) } }

    func encodeBool(_ value: Bool) { tree.pointee.setText(node) { JSONText.append(value ? "true" : "false", to: &$0) } }

    func encodeString(_ value: String) { tree.pointee.setText(node) { JSONText.appendQuoted(value, to: &$0) } }

    func encodeInteger<I: FixedWidthInteger>(_ value: I) {
        tree.pointee.setText(node) { JSONText.appendInteger(value, to: &$0) }
    }

    func encodeFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        // A whole number below 2^53 is its own digits in `description` ("42.0"); written as an
        // integer without making a String. -0 keeps its sign, as "-0.0" does.
        if let double = value as? Double, double.magnitude < 0x1p53, double == double.rounded(.towardZero) {
            let whole = Int(double)
            tree.pointee.setText(node) { text in
                if whole == 0 && double.sign == .minus { text.append(UInt8(ascii: "-")) }
                JSONText.appendInteger(whole, to: &text)
            }
            return
        }
        var string = value.description
        if string.hasSuffix(".0") { string.removeLast(2) }
        tree.pointee.setText(node) { JSONText.appendUnquoted(string, to: &$0) }
    }

    func encodeDate(_ date: Date) {
        tree.pointee.setText(node) { JSONText.appendISO8601(date, to: &$0) }
    }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: UnsafeMutablePointer<JSONNodeTree>
    let node: Int32

    var codingPath: [CodingKey] { tree.pointee.codingPath(of: node) }

    private func child(_ key: Key) -> JSONNodeEncoder {
        JSONNodeEncoder(tree: tree, node: tree.pointee.addChild(of: node, key: key.stringValue))
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).encodeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).encodeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try child(key).encodeFloat(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try child(key).encodeFloat(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).encodeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encodeValue(value) }
    // The protocol's own encodeIfPresent looks up Optional's metadata for every call.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { child(key).encodeBool(value) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { child(key).encodeString(value) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if let value { try child(key).encodeFloat(value) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { child(key).encodeInteger(value) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try child(key).encodeValue(value) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { JSONNodeEncoder(tree: tree, node: tree.pointee.addChild(of: node, key: "super")) }
    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let tree: UnsafeMutablePointer<JSONNodeTree>
    let node: Int32

    var codingPath: [CodingKey] { tree.pointee.codingPath(of: node) }
    var count: Int { Int(tree.pointee.nodes[Int(node)].childCount) }

    private func child() -> JSONNodeEncoder { JSONNodeEncoder(tree: tree, node: tree.pointee.addChild(of: node, key: nil)) }

    mutating func encodeNil() throws { child().encodeNil() }
    mutating func encode(_ value: Bool) throws { child().encodeBool(value) }
    mutating func encode(_ value: String) throws { child().encodeString(value) }
    mutating func encode(_ value: Double) throws { try child().encodeFloat(value) }
    mutating func encode(_ value: Float) throws { try child().encodeFloat(value) }
    mutating func encode(_ value: Int) throws { child().encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { child().encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { child().encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { child().encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { child().encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { child().encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { child().encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { child().encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { child().encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { child().encodeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try child().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { child().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { child() }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let tree: UnsafeMutablePointer<JSONNodeTree>
    let node: Int32

    var codingPath: [CodingKey] { tree.pointee.codingPath(of: node) }
    private var encoder: JSONNodeEncoder { JSONNodeEncoder(tree: tree, node: node) }

    mutating func encodeNil() throws { encoder.encodeNil() }
    mutating func encode(_ value: Bool) throws { encoder.encodeBool(value) }
    mutating func encode(_ value: String) throws { encoder.encodeString(value) }
    mutating func encode(_ value: Double) throws { try encoder.encodeFloat(value) }
    mutating func encode(_ value: Float) throws { try encoder.encodeFloat(value) }
    mutating func encode(_ value: Int) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { encoder.encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { encoder.encodeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}

/// Writes the nodes out as `JSONWriter` pretty-prints with sorted keys.
private struct JSONNodeWriter {
    let nodes: UnsafeBufferPointer<JSONNode>
    let text: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<UInt8>
    var out: JSONOutput
    /// Per depth: the last object's children in encoding order, a spare buffer for the next,
    /// and the positions among them in the order written. The next object at that depth with
    /// the same keys in the same order (every lesson record, nearly) is written without sorting.
    private var lastSiblings: [[Int32]] = []
    private var spareSiblings: [[Int32]] = []
    private var lastPositions: [[Int]] = []
    private var prefixes: [UInt64] = []
    /// Objects of ``LargeObjectOrder/minimumKeys`` keys or more, by depth and key count, as the
    /// last encodings wrote them: the lessons of a file come in the same order at every save.
    private var largeObjectOrders: [Int: LargeObjectOrder]

    /// The JSON of `tree`'s top-level value.
    static func write(_ tree: UnsafeMutablePointer<JSONNodeTree>, endingWithNewline: Bool) -> Data {
        let nodes = tree.pointee.nodes.buffer, text = tree.pointee.text.buffer, keys = tree.pointee.keys.buffer
        // Room for the text, every key escaped as much as `\"` doubles it, and a line of 24 bytes
        // of indentation and punctuation per node: rarely grown.
        var writer = JSONNodeWriter(
            nodes: nodes, text: text, keys: keys, out: JSONOutput(capacity: text.count + 2 * keys.count + nodes.count * 24),
            largeObjectOrders: tree.pointee.largeObjectOrders)
        tree.pointee.largeObjectOrders = [:]
        writer.write(node: 0, depth: 0)
        if endingWithNewline { writer.out.append(0x0A) }
        tree.pointee.largeObjectOrders = writer.largeObjectOrders
        return writer.out.data()
    }

    private mutating func write(node: Int32, depth: Int) {
        let entry = nodes[Int(node)]
        switch entry.kind {
        case .text:
            out.append(UnsafeBufferPointer(rebasing: text[Int(entry.textStart)..<Int(entry.textEnd)]))
        case .empty:
            writeEmpty(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: depth)
        case .array:
            guard entry.firstChild >= 0 else {
                return writeEmpty(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: depth)
            }
            out.append(UInt8(ascii: "["))
            var child = entry.firstChild
            while child >= 0 {
                out.reserve(2 + 2 * (depth + 1))
                if child != entry.firstChild { out.appendUnchecked(UInt8(ascii: ",")) }
                out.appendUnchecked(0x0A)
                out.indentUnchecked(depth + 1)
                write(node: child, depth: depth + 1)
                child = nodes[Int(child)].nextSibling
            }
            out.reserve(2 + 2 * depth)
            out.appendUnchecked(0x0A)
            out.indentUnchecked(depth)
            out.appendUnchecked(UInt8(ascii: "]"))
        case .object:
            guard entry.firstChild >= 0 else {
                return writeEmpty(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: depth)
            }
            let (siblings, positions) = sortedChildren(of: entry, depth: depth)
            out.append(UInt8(ascii: "{"))
            for index in positions.indices {
                let child = siblings[positions[index]]
                let key = nodes[Int(child)]
                let keyBytes = UnsafeBufferPointer(rebasing: keys[Int(key.keyStart)..<Int(key.keyEnd)])
                out.reserve(2 + 2 * (depth + 1) + 6 * keyBytes.count + 5)
                if index > 0 { out.appendUnchecked(UInt8(ascii: ",")) }
                out.appendUnchecked(0x0A)
                out.indentUnchecked(depth + 1)
                JSONText.appendQuoted(keyBytes, to: &out)
                out.appendUnchecked(0x20)
                out.appendUnchecked(UInt8(ascii: ":"))
                out.appendUnchecked(0x20)
                write(node: child, depth: depth + 1)
            }
            out.reserve(2 + 2 * depth)
            out.appendUnchecked(0x0A)
            out.indentUnchecked(depth)
            out.appendUnchecked(UInt8(ascii: "}"))
            lastSiblings[depth] = siblings
            lastPositions[depth] = positions
        }
    }

    /// `JSONWriter`'s empty container: the bracket, a newline, a newline and the indentation, the bracket.
    private mutating func writeEmpty(open: UInt8, close: UInt8, depth: Int) {
        out.reserve(4 + 2 * depth)
        out.appendUnchecked(open)
        out.appendUnchecked(0x0A)
        out.appendUnchecked(0x0A)
        out.indentUnchecked(depth)
        out.appendUnchecked(close)
    }

    /// The order of two children's keys: their UTF-8 bytes, as `JSONWriter` sorts.
    private func order(_ a: Int32, _ b: Int32) -> Int {
        let left = nodes[Int(a)], right = nodes[Int(b)]
        let leftCount = Int(left.keyEnd - left.keyStart), rightCount = Int(right.keyEnd - right.keyStart)
        let common = min(leftCount, rightCount)
        if common > 0 {
            let compared = memcmp(keys.baseAddress! + Int(left.keyStart), keys.baseAddress! + Int(right.keyStart), common)
            if compared != 0 { return Int(compared) }
        }
        return leftCount - rightCount
    }

    /// An object's children in encoding order and the positions among them in key order, a
    /// key encoded twice kept once with its later value, as `JSONEncoder`'s dictionary keeps it.
    /// The caller puts both back as ``lastSiblings`` and ``lastPositions`` of `depth` once written.
    private mutating func sortedChildren(of entry: JSONNode, depth: Int) -> ([Int32], [Int]) {
        while lastSiblings.count <= depth {
            lastSiblings.append([])
            spareSiblings.append([])
            lastPositions.append([])
        }
        let previous = lastSiblings[depth]
        lastSiblings[depth] = []
        var siblings = spareSiblings[depth]
        spareSiblings[depth] = previous
        siblings.removeAll(keepingCapacity: true)
        var child = entry.firstChild
        while child >= 0 {
            siblings.append(child)
            child = nodes[Int(child)].nextSibling
        }
        var positions = lastPositions[depth]
        lastPositions[depth] = []
        if previous.count == siblings.count && siblings.indices.allSatisfy({ order(siblings[$0], previous[$0]) == 0 }) {
            return (siblings, positions)
        }
        let large = siblings.count >= LargeObjectOrder.minimumKeys ? depth << 32 | siblings.count : nil
        if let large, let known = largeObjectOrders[large], known.hasKeys(of: siblings, nodes: nodes, keys: keys) {
            positions.removeAll(keepingCapacity: true)
            positions.append(contentsOf: known.positions)
            return (siblings, positions)
        }
        defer {
            if let large {
                if largeObjectOrders.count >= LargeObjectOrder.kept { largeObjectOrders.removeAll() }
                largeObjectOrders[large] = LargeObjectOrder(siblings, positions: positions, nodes: nodes, keys: keys)
            }
        }
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: siblings.indices)
        // Each key's first 8 bytes as one big-endian number (zero-padded): it orders most keys
        // in one comparison, and equal prefixes fall back to the bytes.
        prefixes.removeAll(keepingCapacity: true)
        for sibling in siblings {
            let node = nodes[Int(sibling)]
            var prefix: UInt64 = 0
            for offset in 0..<8 {
                let at = Int(node.keyStart) + offset
                prefix = prefix << 8 | UInt64(at < Int(node.keyEnd) ? keys[at] : 0)
            }
            prefixes.append(prefix)
        }
        // Ties (the same key twice) in encoding order, so the later one is last of its run.
        prefixes.withUnsafeBufferPointer { prefixes in
            positions.sort { a, b in
                if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                let compared = order(siblings[a], siblings[b])
                return compared != 0 ? compared < 0 : a < b
            }
        }
        var kept = 0
        for index in positions.indices {
            if index + 1 < positions.count && order(siblings[positions[index]], siblings[positions[index + 1]]) == 0 { continue }
            positions[kept] = positions[index]
            kept += 1
        }
        positions.removeLast(positions.count - kept)
        return (siblings, positions)
    }
}

/// The keys of one large object in encoding order and the positions among them in key order.
private struct LargeObjectOrder {
    /// Below this, the last object at the same depth is the only order kept.
    static let minimumKeys = 32
    /// Orders kept at most: a session that adds lessons makes a new key count at each save.
    static let kept = 8

    var keyBytes: [UInt8] = []
    var keyEnds: [Int] = []
    var positions: [Int]

    init(_ siblings: [Int32], positions: [Int], nodes: UnsafeBufferPointer<JSONNode>, keys: UnsafeBufferPointer<UInt8>) {
        self.positions = positions
        keyEnds.reserveCapacity(siblings.count)
        for sibling in siblings {
            let node = nodes[Int(sibling)]
            keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: keys[Int(node.keyStart)..<Int(node.keyEnd)]))
            keyEnds.append(keyBytes.count)
        }
    }

    /// Whether `siblings` have these keys in this order.
    func hasKeys(of siblings: [Int32], nodes: UnsafeBufferPointer<JSONNode>, keys: UnsafeBufferPointer<UInt8>) -> Bool {
        guard siblings.count == keyEnds.count else { return false }
        return keyBytes.withUnsafeBufferPointer { known in
            var start = 0
            for (index, sibling) in siblings.enumerated() {
                let node = nodes[Int(sibling)]
                let count = Int(node.keyEnd - node.keyStart)
                guard keyEnds[index] - start == count,
                    count == 0 || memcmp(known.baseAddress! + start, keys.baseAddress! + Int(node.keyStart), count) == 0
                else { return false }
                start = keyEnds[index]
            }
            return true
        }
    }
}

/// Where the writer puts bytes: a buffer of its own, handed to `Data` without a copy, so that
/// writing a byte is a store (no capacity check of `Array.append` per byte) and the file's
/// 650 KB are not copied again.
private struct JSONOutput: JSONByteSink {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// Makes room for `more` bytes.
    mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(capacity * 2, count + more)
        start = realloc(start, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// A byte for which ``reserve(_:)`` made room.
    mutating func appendUnchecked(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    mutating func indentUnchecked(_ depth: Int) {
        (start + count).initialize(repeating: 0x20, count: 2 * depth)
        count += 2 * depth
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        appendUnchecked(byte)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        // Most values are a few bytes, where a loop beats calling memmove.
        if bytes.count <= 16 {
            for byte in bytes {
                start[count] = byte
                count += 1
            }
        } else {
            (start + count).update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }
    }

    /// The bytes written, owned by the `Data` from now on.
    consuming func data() -> Data { Data(bytesNoCopy: start, count: count, deallocator: .free) }
}

/// A growable buffer of plain values: what the tree's arrays were, without `Array`'s
/// uniqueness checks and retains on every append (a fifth of the encoding). Freed by its owner.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var start: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: start, count: count) }

    subscript(index: Int) -> Element {
        get { start[index] }
        set { start[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (start + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { grow(to: count + elements.count) }
        if let base = elements.baseAddress { (start + count).initialize(from: base, count: elements.count) }
        count += elements.count
    }

    mutating func append(_ elements: [Element]) { elements.withUnsafeBufferPointer { append($0) } }

    mutating func removeAll() { count = 0 }

    func free() { start.deallocate() }

    private mutating func grow(to needed: Int) {
        capacity = max(capacity * 2, needed)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.initialize(from: start, count: count)
        start.deallocate()
        start = grown
    }
}

extension RawBuffer: JSONByteSink where Element == UInt8 {}

/// Where ``JSONText`` appends: the tree's text while encoding, the output while writing.
protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// JSON text as `JSONWriter` renders it.
enum JSONText {
    static func append(_ ascii: StaticString, to bytes: inout some JSONByteSink) {
        bytes.append(UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    /// `string` in quotes, escaped as `JSONWriter` escapes with `.withoutEscapingSlashes`.
    /// `text` as it is: a number's digits.
    static func appendUnquoted(_ text: String, to bytes: inout some JSONByteSink) {
        var text = text
        text.withUTF8 { bytes.append($0) }
    }

    static func appendQuoted(_ string: String, to bytes: inout some JSONByteSink) {
        var string = string
        string.withUTF8 { appendQuoted($0, to: &bytes) }
    }

    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "\""))
        var mark = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if index > mark { bytes.append(UnsafeBufferPointer(rebasing: utf8[mark..<index])) }
            mark = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(hex(byte >> 4))
                bytes.append(hex(byte & 0xF))
            }
        }
        if utf8.count > mark { bytes.append(UnsafeBufferPointer(rebasing: utf8[mark...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Lowercase, as `JSONWriter` writes `\u001b`.
    private static func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }

    /// `value.description`'s digits without making a `String`.
    static func appendInteger<I: FixedWidthInteger>(_ value: I, to bytes: inout some JSONByteSink) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(UnsafeBufferPointer(rebasing: buffer.assumingMemoryBound(to: UInt8.self)[at...]))
        }
    }

    /// `date.formatted(.iso8601)`: `2026-03-29T09:12:00Z`, the second rounded down. Computed here
    /// for years 1600 to 9999 (Foundation's calendar is Julian before October 1582, and writes
    /// other years with other widths); Foundation formats the rest.
    static func appendISO8601(_ date: Date, to bytes: inout some JSONByteSink) {
        let seconds = date.timeIntervalSinceReferenceDate.rounded(.down)
        // 1600-01-01 and 10000-01-01, in seconds since 2001-01-01.
        guard seconds >= -12_654_403_200, seconds < 252_423_993_600 else {
            return appendQuoted(date.formatted(.iso8601), to: &bytes)
        }
        let total = Int(seconds) + 978_307_200  // since 1970
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let inDay = total - days * 86_400
        let date = LocalDay(dayNumber: days)
        bytes.append(UInt8(ascii: "\""))
        appendTwoDigits(date.year / 100, to: &bytes)
        appendTwoDigits(date.year % 100, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(date.month, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(date.day, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendTwoDigits(inDay / 3600, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(inDay / 60 % 60, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(inDay % 60, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendTwoDigits(_ value: Int, to bytes: inout some JSONByteSink) {
        bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
