/// One URL from a seeds file, with its position so that outputs keep the seeds' order.
public struct Seed: Sendable, Hashable {
    /// Zero-based position among the valid seeds of the file.
    public var index: Int
    /// The URL as written in the seeds file.
    public var url: String

    public init(index: Int, url: String) {
        self.index = index
        self.url = url
    }

    /// The stable document id of this seed's URL.
    public var id: String { DocumentID.make(url: url) }
}

/// Stable document ids derived from URLs.
public enum DocumentID {
    /// 16 lowercase hex digits of the 64-bit FNV-1a hash of the URL's UTF-8 bytes.
    ///
    /// The same URL gives the same id on every run and every machine.
    public static func make(url: String) -> String {
        make(bytes: url.utf8)
    }

    /// 16 lowercase hex digits of the 64-bit FNV-1a hash of `bytes`.
    public static func make(bytes: some Sequence<UInt8>) -> String {
        var hasher = FNV1a64()
        hasher.combine(bytes)
        return hasher.hex
    }
}

/// The 64-bit FNV-1a hash, fed piece by piece so that a large file need not be read whole.
public struct FNV1a64: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds `bytes` to the hash.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
