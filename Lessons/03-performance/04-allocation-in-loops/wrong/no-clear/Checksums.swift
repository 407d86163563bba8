/// Reuses the buffer but never empties it: each record's bytes pile up.
func checksums(of records: [Record]) -> [UInt32] {
    var sums: [UInt32] = []
    sums.reserveCapacity(records.count)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    for record in records {
        encode(record, into: &bytes)
        sums.append(fnv1a(bytes))
    }
    return sums
}
