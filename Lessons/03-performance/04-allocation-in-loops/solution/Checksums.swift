/// Returns one checksum per record: the FNV-1a hash of its encoded bytes.
func checksums(of records: [Record]) -> [UInt32] {
    var sums: [UInt32] = []
    sums.reserveCapacity(records.count)    // one allocation for the result
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)             // one buffer, reused for every record
    for record in records {
        bytes.removeAll(keepingCapacity: true)
        encode(record, into: &bytes)
        sums.append(fnv1a(bytes))
    }
    return sums
}
