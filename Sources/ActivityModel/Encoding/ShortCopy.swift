/// Copies `count` bytes from `source` to `target` (which must not overlap). Up to 16 bytes take two overlapping
/// loads and stores of the widest size that fits, with no loop and no call, so copying a JSON key or a short word
/// costs a few instructions whatever its length; longer runs go to `memcpy`.
@inline(__always)
func copyBytes(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
    if count >= 8 {
        guard count <= 16 else {
            target.copyMemory(from: source, byteCount: count)
            return
        }
        let head = source.loadUnaligned(as: UInt64.self)
        let tail = source.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        target.storeBytes(of: head, as: UInt64.self)
        target.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
    } else if count >= 4 {
        let head = source.loadUnaligned(as: UInt32.self)
        let tail = source.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
        target.storeBytes(of: head, as: UInt32.self)
        target.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
    } else if count >= 2 {
        let head = source.loadUnaligned(as: UInt16.self)
        let tail = source.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)
        target.storeBytes(of: head, as: UInt16.self)
        target.storeBytes(of: tail, toByteOffset: count &- 2, as: UInt16.self)
    } else if count == 1 {
        target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
    }
}
