import Foundation

/// Tells HTML from other content by the declared type and by the first bytes.
enum ContentSniffer {
    /// Media types that may hold a page: HTML, XHTML and any text.
    static func isTextual(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("text/") || mediaType == "application/xhtml+xml" || mediaType == "application/xml"
            || mediaType.hasSuffix("+xml")
    }

    /// Magic numbers of common binary formats, with a name for messages.
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image data"),
        ([0xFF, 0xD8, 0xFF], "JPEG image data"),
        (Array("GIF8".utf8), "GIF image data"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        (Array("RIFF".utf8), "RIFF media data"),
        ([0x00, 0x00, 0x01, 0x00], "an icon"),
    ]

    /// Why the page is not HTML, as a phrase for a message; nil if it may be HTML.
    static func nonHTMLReason(contentType: String?, body: [UInt8]) -> String? {
        let mediaType = contentType?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if !mediaType.isEmpty, !isTextual(mediaType), mediaType != "application/octet-stream" {
            return "its content type is \(mediaType)"
        }
        for signature in signatures where body.starts(with: signature.bytes) {
            return "its bytes look like \(signature.name)"
        }
        // NUL bytes never occur in text, except in UTF-16, which announces itself with a byte-order mark.
        if CharsetDetector.byteOrderMark(body)?.name.hasPrefix("utf-16") != true, body.prefix(4096).contains(0) {
            return "its bytes contain NUL bytes, as binary data does"
        }
        return nil
    }
}
