#ifndef CISAL_SHIM_H
#define CISAL_SHIM_H
// ISA-L's igzip writes each WARC record, which the writer holds whole, as one gzip member in one
// call. At its level 1 it is two to three times as fast as libdeflate's fastest level on HTML, for
// files 3 to 8 % larger: compressing was the largest part of the CPU that archiving a page took.
#include <stddef.h>
#include <stdint.h>
#include <isa-l/igzip_lib.h>

// The level-1 work area `CISAL_gzip_member` needs; a macro built of other macros, which Swift
// does not import.
static inline size_t CISAL_level1_buffer_size(void) {
    return ISAL_DEF_LVL1_DEFAULT;
}

// Compresses `count` bytes at `input` into one complete gzip member and sets `*produced` to its
// length. Returns 0 on success, 1 when `capacity` bytes of output are not enough, and ISA-L's
// negative error code otherwise. The corresponding C function is `isal_deflate_stateless`, whose
// stream struct stays on this side.
//
// With a `levelBuffer`, at level 1: igzip builds Huffman codes fitted to the input. Without one,
// at level 0 with deflate's fixed Huffman code: building fitted codes costs about the same
// whatever the input's size, which made a request record of a few hundred bytes cost half as much
// as compressing a 20 KB page; the fixed code makes such a record some 15 % larger, in a fifth of the time.
static inline int CISAL_gzip_member(
    const void *input, size_t count, void *output, size_t capacity, void *levelBuffer, size_t levelBufferSize,
    size_t *produced) {
    if (count > UINT32_MAX || capacity > UINT32_MAX || levelBufferSize > UINT32_MAX) return ISAL_INVALID_OPERATION;
    struct isal_zstream stream;
    isal_deflate_stateless_init(&stream);
    stream.next_in = (uint8_t *)input;
    stream.avail_in = (uint32_t)count;
    stream.next_out = (uint8_t *)output;
    stream.avail_out = (uint32_t)capacity;
    if (levelBuffer != NULL) {
        stream.level = 1;
        stream.level_buf = (uint8_t *)levelBuffer;
        stream.level_buf_size = (uint32_t)levelBufferSize;
    } else {
        stream.level = 0;
        int set = isal_deflate_set_hufftables(&stream, NULL, IGZIP_HUFFTABLE_STATIC);
        if (set != COMP_OK) return set < 0 ? set : ISAL_INVALID_OPERATION;
    }
    stream.gzip_flag = IGZIP_GZIP;
    stream.end_of_stream = 1;
    stream.flush = NO_FLUSH;
    int status = isal_deflate_stateless(&stream);
    if (status == STATELESS_OVERFLOW) return 1;
    if (status != COMP_OK) return status < 0 ? status : ISAL_INVALID_OPERATION;
    *produced = stream.total_out;
    return 0;
}

#endif
