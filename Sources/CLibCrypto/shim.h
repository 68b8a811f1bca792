#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
#include <stddef.h>
#include <openssl/evp.h>

// One-shot digests through EVP_Digest, the interface OpenSSL 3 keeps undeprecated. The wrappers
// fix the algorithm and output size so that Swift never handles an EVP_MD pointer or a length in
// and out parameter. Each returns 1 on success and 0 on failure, like EVP_Digest.

static inline int CLibCrypto_sha1(const void *data, size_t count, unsigned char out[20]) {
    unsigned int length = 0;
    return EVP_Digest(data, count, out, &length, EVP_sha1(), NULL);
}

static inline int CLibCrypto_sha256(const void *data, size_t count, unsigned char out[32]) {
    unsigned int length = 0;
    return EVP_Digest(data, count, out, &length, EVP_sha256(), NULL);
}

// The SHA-256 of `first` followed by `second`, without joining them: a WARC record's block is the
// HTTP head and the page's body, and copying the body costs as much as hashing it.
static inline int CLibCrypto_sha256_two(
    const void *first, size_t firstCount, const void *second, size_t secondCount, unsigned char out[32]) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return 0;
    unsigned int length = 0;
    int status = EVP_DigestInit_ex(context, EVP_sha256(), NULL)
        && EVP_DigestUpdate(context, first, firstCount)
        && EVP_DigestUpdate(context, second, secondCount)
        && EVP_DigestFinal_ex(context, out, &length);
    EVP_MD_CTX_free(context);
    return status;
}

#endif
