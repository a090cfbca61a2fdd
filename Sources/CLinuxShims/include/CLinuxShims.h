#ifndef CLINUXSHIMS_H
#define CLINUXSHIMS_H

#include <sys/socket.h>

// GNU extensions of glibc that Swift's Glibc module does not show (they need _GNU_SOURCE), wrapped as functions.

/// Names the calling thread (at most 15 bytes are kept), as `ps -L` and `top -H` show it. Returns 0 or an errno.
int clinux_set_current_thread_name(const char *name);

/// CPUs this process may run on (its affinity mask), or 0 if the mask cannot be read.
int clinux_available_cpu_count(void);

/// Receives up to `count` (at most 64) datagrams with one `recvmmsg`, waiting only for the first
/// (`MSG_WAITFORONE`; the socket's `SO_RCVTIMEO` bounds that wait). Datagram i is stored at `buffer + i * slot`, at
/// most `slot` bytes of it; `lengths[i]` is how many were stored, `truncated[i]` is 1 when the datagram was longer
/// (`MSG_TRUNC`), and `senders[i]` is its source address. Returns how many arrived, or -1 with errno set.
int clinux_receive_datagrams(
    int descriptor,
    unsigned char *buffer,
    unsigned long slot,
    unsigned count,
    unsigned long *lengths,
    int *truncated,
    struct sockaddr_storage *senders
);

/// `memmem`: the first occurrence of `needle` in `haystack`, or NULL.
const void *clinux_memmem(const void *haystack, unsigned long length, const void *needle, unsigned long needle_length);

/// `memrchr`: the last byte `value` among the first `length` bytes of `bytes`, or NULL.
const void *clinux_memrchr(const void *bytes, int value, unsigned long length);

/// `mallopt`: raises the mmap and trim thresholds to `mmap_threshold` and `trim_threshold` bytes, so buffers freed
/// and allocated again in a steady stream stay in the heap instead of going back to the kernel. Returns 1 on success.
int clinux_keep_freed_memory(int mmap_threshold, int trim_threshold);

#endif
