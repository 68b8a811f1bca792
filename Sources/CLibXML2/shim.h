#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's encoding.h pulls in the system ICU headers, which clash with the ICU that Foundation
// ships ("'UErrorCode' has different definitions in different modules"). Nothing here needs the
// ICU members of xmlCharEncodingHandler, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
// The C library's allocator settings (`mallopt`), which the extract stage sets for the process.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
