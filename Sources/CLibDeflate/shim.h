#ifndef CLIBDEFLATE_SHIM_H
#define CLIBDEFLATE_SHIM_H
// libdeflate compresses a whole buffer at once, about twice as fast as zlib on HTML; the WARC
// writer compresses each record, which it holds whole, into one gzip member with it.
#include <libdeflate.h>
#endif
