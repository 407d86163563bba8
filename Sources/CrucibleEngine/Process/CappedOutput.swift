import Foundation

/// One output stream of the child: the read end of its pipe and the first `cap` bytes read from it.
struct CappedOutput {
    /// Read end of the pipe, non-blocking; -1 once EOF was seen and it is closed.
    private(set) var fd: Int32
    private(set) var kept = Data()
    /// Every byte read, kept or not.
    private(set) var totalBytes = 0
    let cap: Int

    init(fd: Int32, cap: Int) {
        self.fd = fd
        self.cap = cap
    }

    var isOpen: Bool { fd >= 0 }
    var truncated: Bool { totalBytes > cap }

    /// Reads what the pipe holds now, up to a few chunks, so one chatty stream cannot starve the other.
    mutating func readAvailable(into buffer: UnsafeMutableRawBufferPointer) {
        for _ in 0..<4 where isOpen {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                let room = max(0, cap - kept.count)
                if room > 0 { kept.append(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: min(room, count)) }
                totalBytes += count
                if count < buffer.count { return }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                closeFD()
            } else {
                return
            }
        }
    }

    mutating func closeFD() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// The kept bytes, with the cut marker when the stream went past the cap.
    func finished() -> Data {
        guard truncated else { return kept }
        return kept + Data(ProcessResult.cutMarker(cap: cap).utf8)
    }
}
