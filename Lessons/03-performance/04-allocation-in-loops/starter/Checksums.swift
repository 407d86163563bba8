/// Returns one checksum per record: the FNV-1a hash of its encoded bytes.
func checksums(of records: [Record]) -> [UInt32] {
    var sums: [UInt32] = []
    for record in records {
        var bytes: [UInt8] = []            // a new buffer for every record
        encode(record, into: &bytes)
        sums.append(fnv1a(bytes))
    }
    return sums
}
