// Hidden: the record type and its encoder, as shown in the lesson.

struct Record {
    var id: UInt32
    var name: String
    var scores: [UInt8]
}

/// Appends the record's bytes to `bytes`: the id (4 bytes, little-endian),
/// the name's UTF-8 bytes, a zero, then the scores.
func encode(_ record: Record, into bytes: inout [UInt8]) {
    withUnsafeBytes(of: record.id.littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: record.name.utf8)
    bytes.append(0)
    bytes.append(contentsOf: record.scores)
}

/// The 32-bit FNV-1a hash of `bytes`.
func fnv1a(_ bytes: [UInt8]) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes {
        hash ^= UInt32(byte)
        hash = hash &* 16_777_619
    }
    return hash
}
