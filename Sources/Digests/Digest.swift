import CLibCrypto

/// One-shot SHA digests of in-memory bytes, computed by the system's libcrypto.
///
/// This is the only module that imports `CLibCrypto`; the archive and the state store see bytes
/// and strings.
public enum Digest {
    /// The 20-byte SHA-1 of `bytes`. The corresponding C function is `EVP_Digest` with `EVP_sha1`.
    public static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        oneShot(bytes, size: 20, name: "SHA-1", CLibCrypto_sha1)
    }

    /// The 32-byte SHA-256 of `bytes`. The corresponding C function is `EVP_Digest` with `EVP_sha256`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        oneShot(bytes, size: 32, name: "SHA-256", CLibCrypto_sha256)
    }

    /// The 32-byte SHA-256 of `first` followed by `second`, without joining them. The corresponding
    /// C functions are `EVP_DigestInit_ex`, `EVP_DigestUpdate` and `EVP_DigestFinal_ex` with `EVP_sha256`.
    public static func sha256(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let status = first.withUnsafeBytes { first in
            second.withUnsafeBytes { second in
                out.withUnsafeMutableBufferPointer {
                    CLibCrypto_sha256_two(first.baseAddress, first.count, second.baseAddress, second.count, $0.baseAddress)
                }
            }
        }
        // As in oneShot: only an allocation failure can make it fail.
        precondition(status == 1, "libcrypto could not allocate a digest context for SHA-256")
        return out
    }

    private static func oneShot(
        _ bytes: [UInt8], size: Int, name: String,
        _ function: (UnsafeRawPointer?, Int, UnsafeMutablePointer<UInt8>?) -> Int32
    ) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        let status = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { function(input.baseAddress, input.count, $0.baseAddress) }
        }
        // EVP_Digest fails only when libcrypto cannot allocate its context (SHA-1 and SHA-256 are
        // in every OpenSSL 3 provider, FIPS included). Swift itself traps when out of memory, and a
        // digest of zeros would silently mislabel data, so stop here too rather than throw from
        // every caller.
        precondition(status == 1, "libcrypto could not allocate a digest context for \(name)")
        return out
    }

    /// Lower-case hexadecimal, two digits a byte.
    public static func hex(_ digest: [UInt8]) -> String {
        // A static string's bytes, not an array made per call: every archived page needs this.
        let digits = StaticString("0123456789abcdef").utf8Start
        return String(unsafeUninitializedCapacity: digest.count * 2) { text in
            for (offset, byte) in digest.enumerated() {
                text[2 * offset] = digits[Int(byte >> 4)]
                text[2 * offset + 1] = digits[Int(byte & 0x0f)]
            }
            return digest.count * 2
        }
    }

    /// RFC 4648 base32 (upper case, `=` padding), the encoding WARC digests use.
    public static func base32(_ digest: [UInt8]) -> String {
        let alphabet = StaticString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").utf8Start
        var text: [UInt8] = []
        text.reserveCapacity((digest.count + 4) / 5 * 8)
        var buffer = 0
        var bits = 0
        for byte in digest {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                text.append(alphabet[(buffer >> bits) & 0x1f])
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { text.append(alphabet[(buffer << (5 - bits)) & 0x1f]) }
        while text.count % 8 != 0 { text.append(UInt8(ascii: "=")) }
        return String(decoding: text, as: UTF8.self)
    }
}

