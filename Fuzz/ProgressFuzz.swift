// libFuzzer entry point for the progress file: each input is decoded as ProgressStore decodes
// a file (size and depth limits, schema header, every field, unknown keys); one that decodes must
// survive a save round trip unchanged, unknown keys included. Built by scripts/fuzz.
import Foundation
@testable import CrucibleEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgressFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard let decoded = try? ProgressCoding.decode(bytes) else { return 0 }
    guard let saved = try? ProgressCoding.encode(decoded.progress, keeping: decoded.unknownKeys) else {
        fatalError("a decoded file cannot be encoded again")
    }
    let again = try? ProgressCoding.decode(saved)
    precondition(again?.progress == decoded.progress, "a save round trip changed the progress")
    precondition(again?.unknownKeys == decoded.unknownKeys, "a save round trip changed the unknown keys")
    return 0
}
