import CLinuxShims

/// Keeps freed memory in the process for the next allocation, for `query`, `tail` and `verify`: they inflate each
/// member into a buffer of about 1 MiB (a batch) and free it once its lines are out, thousands of times a second.
/// glibc would hand such buffers back to the kernel at each `free` (they are above its mmap threshold, or end up at
/// the top of the heap) and take them again, zero-filled page by page, at the next `malloc`: a fifth of a query's
/// CPU time went to those page faults.
func keepFreedMemoryForReuse() {
    _ = clinux_keep_freed_memory(64 << 20, 256 << 20)
}
