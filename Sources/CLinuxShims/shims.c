#define _GNU_SOURCE
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "CLinuxShims.h"

int clinux_set_current_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

int clinux_available_cpu_count(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return 0;
    }
    return CPU_COUNT(&set);
}

int clinux_receive_datagrams(
    int descriptor,
    unsigned char *buffer,
    unsigned long slot,
    unsigned count,
    unsigned long *lengths,
    int *truncated,
    struct sockaddr_storage *senders
) {
    struct iovec vectors[64];
    struct mmsghdr headers[64];
    if (count > 64) {
        count = 64;
    }
    memset(headers, 0, sizeof headers[0] * count);
    for (unsigned index = 0; index < count; index++) {
        vectors[index].iov_base = buffer + (unsigned long)index * slot;
        vectors[index].iov_len = slot;
        headers[index].msg_hdr.msg_iov = &vectors[index];
        headers[index].msg_hdr.msg_iovlen = 1;
        headers[index].msg_hdr.msg_name = &senders[index];
        headers[index].msg_hdr.msg_namelen = sizeof senders[index];
    }
    int received = recvmmsg(descriptor, headers, count, MSG_WAITFORONE, NULL);
    for (int index = 0; index < received; index++) {
        lengths[index] = headers[index].msg_len;
        truncated[index] = (headers[index].msg_hdr.msg_flags & MSG_TRUNC) != 0;
    }
    return received;
}

const void *clinux_memmem(const void *haystack, unsigned long length, const void *needle, unsigned long needle_length) {
    return memmem(haystack, length, needle, needle_length);
}

const void *clinux_memrchr(const void *bytes, int value, unsigned long length) {
    return memrchr(bytes, value, length);
}

int clinux_keep_freed_memory(int mmap_threshold, int trim_threshold) {
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) && mallopt(M_TRIM_THRESHOLD, trim_threshold);
}
