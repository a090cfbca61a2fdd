#include <dlfcn.h>
#include <stdio.h>

#include "CLibdeflate.h"

static void *(*alloc_compressor)(int);
static size_t (*compress_bound)(void *, size_t);
static size_t (*deflate_compress)(void *, const void *, size_t, void *, size_t);
static void (*free_compressor)(void *);
static uint32_t (*crc32_function)(uint32_t, const void *, size_t);
static void *(*alloc_decompressor)(void);
static int (*deflate_decompress)(void *, const void *, size_t, void *, size_t, size_t *);
static void (*free_decompressor)(void *);
static char error_text[512];

int cld_load(const char *path) {
    error_text[0] = '\0';
    void *library = dlopen(path ? path : "libdeflate.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(error_text, sizeof error_text, "%s", dlerror());
        return 0;
    }
    alloc_compressor = (void *(*)(int))dlsym(library, "libdeflate_alloc_compressor");
    compress_bound = (size_t(*)(void *, size_t))dlsym(library, "libdeflate_deflate_compress_bound");
    deflate_compress = (size_t(*)(void *, const void *, size_t, void *, size_t))dlsym(library, "libdeflate_deflate_compress");
    free_compressor = (void (*)(void *))dlsym(library, "libdeflate_free_compressor");
    crc32_function = (uint32_t(*)(uint32_t, const void *, size_t))dlsym(library, "libdeflate_crc32");
    alloc_decompressor = (void *(*)(void))dlsym(library, "libdeflate_alloc_decompressor");
    deflate_decompress = (int (*)(void *, const void *, size_t, void *, size_t, size_t *))dlsym(library, "libdeflate_deflate_decompress");
    free_decompressor = (void (*)(void *))dlsym(library, "libdeflate_free_decompressor");
    if (!alloc_compressor || !compress_bound || !deflate_compress || !free_compressor || !crc32_function ||
        !alloc_decompressor || !deflate_decompress || !free_decompressor) {
        snprintf(error_text, sizeof error_text, "a libdeflate function is missing from %s", path ? path : "libdeflate.so.0");
        dlclose(library);
        return 0;
    }
    return 1;
}

const char *cld_error(void) { return error_text[0] ? error_text : NULL; }

void *cld_alloc_compressor(int level) { return alloc_compressor(level); }

size_t cld_deflate_compress_bound(void *compressor, size_t length) { return compress_bound(compressor, length); }

size_t cld_deflate_compress(void *compressor, const void *in, size_t in_length, void *out, size_t out_capacity) {
    return deflate_compress(compressor, in, in_length, out, out_capacity);
}

void cld_free_compressor(void *compressor) { free_compressor(compressor); }

uint32_t cld_crc32(uint32_t crc, const void *bytes, size_t length) { return crc32_function(crc, bytes, length); }

void *cld_alloc_decompressor(void) { return alloc_decompressor(); }

int cld_deflate_decompress(void *decompressor, const void *in, size_t in_length, void *out, size_t out_length) {
    return deflate_decompress(decompressor, in, in_length, out, out_length, NULL);
}

void cld_free_decompressor(void *decompressor) { free_decompressor(decompressor); }
