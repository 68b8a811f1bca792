#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
#include <stdatomic.h>
#include <stddef.h>
#include <openssl/evp.h>

// Digests of in-memory bytes through the EVP interface, the one OpenSSL 3 keeps undeprecated. The
// wrappers fix the algorithm and output size so that Swift never handles an EVP_MD pointer or a
// length in and out parameter. Each returns 1 on success and 0 on failure, like EVP_Digest.
//
// The algorithms are fetched once per process: `EVP_sha256()` makes every digest look its
// implementation up again (a provider query under a lock), which cost as much as hashing a
// request record.

// Fetches `name` on first use and keeps it for the life of the process; `*slot` is a static of
// the caller (statics at file scope would need a definition that Swift never emits). Two threads
// may both fetch; the one that loses frees its copy. Falls back to `builtin` should the fetch fail.
static inline const EVP_MD *CLibCrypto_fetch(const EVP_MD *_Atomic *slot, const char *name, const EVP_MD *builtin) {
    const EVP_MD *found = atomic_load_explicit(slot, memory_order_acquire);
    if (found != NULL) return found;
    EVP_MD *fetched = EVP_MD_fetch(NULL, name, NULL);
    if (fetched == NULL) return builtin;
    const EVP_MD *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(slot, &expected, fetched, memory_order_acq_rel, memory_order_acquire)) {
        return fetched;
    }
    EVP_MD_free(fetched);
    return expected;
}

static inline const EVP_MD *CLibCrypto_md(int sha256) {
    static const EVP_MD *_Atomic fetchedSHA1 = NULL;
    static const EVP_MD *_Atomic fetchedSHA256 = NULL;
    if (sha256) return CLibCrypto_fetch(&fetchedSHA256, "SHA256", EVP_sha256());
    return CLibCrypto_fetch(&fetchedSHA1, "SHA1", EVP_sha1());
}

static inline int CLibCrypto_sha1(const void *data, size_t count, unsigned char out[20]) {
    unsigned int length = 0;
    return EVP_Digest(data, count, out, &length, CLibCrypto_md(0), NULL);
}

static inline int CLibCrypto_sha256(const void *data, size_t count, unsigned char out[32]) {
    unsigned int length = 0;
    return EVP_Digest(data, count, out, &length, CLibCrypto_md(1), NULL);
}

// The SHA-256 of `first` followed by `second`, without joining them: a WARC record's block is the
// HTTP head and the page's body, and copying the body costs as much as hashing it.
static inline int CLibCrypto_sha256_two(
    const void *first, size_t firstCount, const void *second, size_t secondCount, unsigned char out[32]) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return 0;
    unsigned int length = 0;
    int status = EVP_DigestInit_ex(context, CLibCrypto_md(1), NULL)
        && EVP_DigestUpdate(context, first, firstCount)
        && EVP_DigestUpdate(context, second, secondCount)
        && EVP_DigestFinal_ex(context, out, &length);
    EVP_MD_CTX_free(context);
    return status;
}

#endif
