#ifndef CLIBDEFLATE_H
#define CLIBDEFLATE_H

#include <stddef.h>
#include <stdint.h>

// libdeflate, loaded at run time: the build needs no libdeflate-dev, and a machine without the library compresses
// with zlib instead. Only the functions the archive and its readers use are declared; their ABI has been stable since
// libdeflate 1.0.

/// Loads the library from `path` (NULL: "libdeflate.so.0") and resolves its functions. Returns 1 when every
/// function was found, 0 otherwise (then `cld_error` says why). Call once, before any other function here.
int cld_load(const char *path);

/// Why the last `cld_load` failed, or NULL.
const char *cld_error(void);

/// The library's `libdeflate_alloc_compressor`, `libdeflate_deflate_compress_bound`, `libdeflate_deflate_compress`,
/// `libdeflate_free_compressor` and `libdeflate_crc32`. Only valid after `cld_load` returned 1.
void *cld_alloc_compressor(int level);
size_t cld_deflate_compress_bound(void *compressor, size_t length);
size_t cld_deflate_compress(void *compressor, const void *in, size_t in_length, void *out, size_t out_capacity);
void cld_free_compressor(void *compressor);
uint32_t cld_crc32(uint32_t crc, const void *bytes, size_t length);

/// The library's `libdeflate_alloc_decompressor` and `libdeflate_free_decompressor`.
void *cld_alloc_decompressor(void);
void cld_free_decompressor(void *decompressor);

/// The library's `libdeflate_deflate_decompress` for output of exactly `out_length` bytes (its last argument NULL):
/// 0 on success, 1 for bad data, 2 when the data is shorter, 3 when it is longer than `out_length`.
int cld_deflate_decompress(void *decompressor, const void *in, size_t in_length, void *out, size_t out_length);

#endif
