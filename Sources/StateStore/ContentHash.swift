import Digests

/// The hash the store keeps for a body, to notice unchanged pages and duplicates.
public enum ContentHash {
    /// The SHA-256 of `bytes` in lower-case hexadecimal (64 characters).
    public static func sha256(_ bytes: [UInt8]) -> String {
        Digest.hex(Digest.sha256(bytes))
    }

    /// The hash of a body whose SHA-256 digest is already computed.
    public static func sha256(digest: [UInt8]) -> String {
        Digest.hex(digest)
    }
}
