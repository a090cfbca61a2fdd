#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

// deflateInit2/inflateInit2 are macros that Swift cannot call; these wrappers fix the raw-deflate parameters
// the archive format uses (windowBits -15: no zlib or gzip wrapper, we write the gzip member ourselves).
static inline int czlib_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}

// windowBits 15 + 16: one gzip member of any writer, header (FEXTRA, FNAME, FCOMMENT, FHCRC) and trailer (CRC-32,
// ISIZE) checked by zlib; inflate stops with Z_STREAM_END at the member's end. Recovery uses it to find where a
// member that is not ours ends.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif
