/// Empties the buffer with removeAll(), which also frees its storage.
func checksums(of records: [Record]) -> [UInt32] {
    var sums: [UInt32] = []
    sums.reserveCapacity(records.count)
    var bytes: [UInt8] = []
    for record in records {
        bytes.removeAll()
        encode(record, into: &bytes)
        sums.append(fnv1a(bytes))
    }
    return sums
}
