extension GzipMemberChecker {
    /// The first offset after `start` of the open file `descriptor` where a whole member begins, or `nil`: where
    /// reading goes on after damage in the middle of a file.
    public func nextWholeMember(_ descriptor: Int32, after start: Int, fileSize: Int, path: String) throws -> Int? {
        var window = [UInt8](repeating: 0, count: 64 << 10)
        var base = start + 1
        while base + 2 < fileSize {
            let count = try window.withUnsafeMutableBytes {
                try FileReading.read(descriptor, into: $0, at: base, path: path)
            }
            guard count >= 3 else { return nil }
            var index = 0
            while index + 2 < count {
                if window[index] == 0x1F, window[index + 1] == 0x8B, window[index + 2] == 8,
                    case .whole = try self.check(descriptor, at: base + index, fileSize: fileSize, path: path)
                {
                    return base + index
                }
                index += 1
            }
            base += count - 2
        }
        return nil
    }
}
