#ifndef CLINUXSHIMS_H
#define CLINUXSHIMS_H

// GNU extensions of glibc that Swift's Glibc module does not show (they need _GNU_SOURCE), wrapped as functions.

/// Names the calling thread (at most 15 bytes are kept), as `ps -L` and `top -H` show it. Returns 0 or an errno.
int clinux_set_current_thread_name(const char *name);

/// CPUs this process may run on (its affinity mask), or 0 if the mask cannot be read.
int clinux_available_cpu_count(void);

#endif
