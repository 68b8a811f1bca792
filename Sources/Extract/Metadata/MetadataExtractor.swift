import Foundation

/// Page metadata: title, author, publication date, tags and language.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var author: String?
    var published: String?
    var tags: [String] = []
    var language: String?
}

/// Reads metadata from `<meta>` tags, JSON-LD, and the visible page (headline, byline, dates, tag lists).
struct MetadataExtractor {
    let document: HTMLDocument
    let url: String

    /// `<meta>` values by lowercase `property`/`name`/`itemprop`/`http-equiv`, in document order.
    private var meta: [String: [String]] = [:]
    /// JSON-LD objects of the page, flattened (`@graph` and nested arrays opened).
    private var linkedData: [JSONObject] = []
    /// The JSON-LD objects that describe the page's main item, articles first (see ``articles(in:)``).
    private var linkedArticles: [JSONObject] = []
    /// The site's own names in ``comparable(_:)`` form (see ``siteNames``), worked out once: titles
    /// and every author candidate are checked against them.
    private var comparableSiteNames: [String] = []

    init(document: HTMLDocument, url: String) {
        self.document = document
        self.url = url
        let metaElements = document.elements(named: "meta")
        meta.reserveCapacity(metaElements.count)
        for index in metaElements {
            guard let content = document.nodes[index].attribute("content")?.trimmingScalars(where: FoundationWhiteSpace.isWhitespaceOrNewline),
                  !content.isEmpty else { continue }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let name = document.nodes[index].attribute(key)?.lowercasedIfNeeded().trimmingScalars(where: FoundationWhiteSpace.isWhitespace),
                   !name.isEmpty {
                    meta[name, default: []].append(content)
                }
            }
        }
        for index in document.elements(named: "script") {
            guard let type = document.nodes[index].attribute("type"), WhiteSpace.occurs("ld+json", in: type.lowercasedIfNeeded())
            else { continue }
            guard let parsed = JSONValue.parse(document.plainText(of: index)) else { continue }
            linkedData.append(contentsOf: MetadataExtractor.flatten(parsed))
        }
        linkedArticles = MetadataExtractor.articles(in: linkedData)
        comparableSiteNames = siteNames.map(MetadataExtractor.comparable)
    }

    /// Every metadata field.
    func extract() -> PageMetadata {
        let language = language()
        return PageMetadata(
            title: title(), author: author(), published: published(language: language), tags: tags(),
            language: language)
    }

    private func firstMeta(_ keys: [String]) -> String? {
        for key in keys {
            if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value }
        }
        return nil
    }

    private static func flatten(_ value: JSONValue) -> [JSONObject] {
        var result: [JSONObject] = []
        var pending: [JSONValue] = [value]
        while let item = pending.popLast() {
            if let array = item.array {
                pending.append(contentsOf: array.reversed())
            } else if let object = item.object {
                result.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
                if let main = object["mainEntity"] { pending.append(main) }
            }
        }
        return result
    }

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "report", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting",
        "backgroundnewsarticle", "reviewnewsarticle", "review", "posting", "discussionforumposting", "creativework",
        "webpage", "pressrelease", "medicalwebpage", "recipe", "event", "product", "qapage", "howto",
    ]

    /// JSON-LD objects that describe the page's main item, articles first.
    private static func articles(in linkedData: [JSONObject]) -> [JSONObject] {
        func types(_ object: JSONObject) -> [String] {
            if let single = object["@type"]?.string { return [single.lowercased()] }
            return object["@type"]?.array?.compactMap { $0.string?.lowercased() } ?? []
        }
        let described = linkedData.filter { types($0).contains(where: MetadataExtractor.articleTypes.contains) }
        let articles = described.filter { !types($0).contains("webpage") }
        return articles + described.filter { types($0).contains("webpage") }
    }

    // MARK: Title

    /// The site's own name, to strip from titles and reject as an author.
    private var siteNames: [String] {
        var names: [String] = []
        if let site = firstMeta(["og:site_name", "application-name", "twitter:site", "publisher"]) {
            names.append(site.hasPrefix("@") ? String(site.dropFirst()) : site)
        }
        for object in linkedData {
            if let type = object["@type"]?.string, ["website", "organization", "newsmediaorganization"].contains(type.lowercased()),
               let name = object["name"]?.string {
                names.append(name)
            }
            if let name = object["publisher"]?.object?["name"]?.string {
                names.append(name)
            }
        }
        if let host = URL(string: url)?.host?.lowercased() {
            names.append(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
        }
        return names
    }

    func title() -> String? {
        // Plain texts have their white space collapsed already.
        let headings = document.elements(named: "h1").prefix(5).map { document.plainText(of: $0) }.filter { !$0.isEmpty }
        let titleTag = document.firstElement(named: "title").map { document.plainText(of: $0) }
        let linkedHeadline = linkedArticles.lazy.compactMap { $0["headline"]?.string ?? $0["name"]?.string }.first
        let candidates = [firstMeta(["og:title"]), linkedHeadline, firstMeta(["twitter:title"]), titleTag]
            .compactMap { $0.map(clean) }.filter { !$0.isEmpty }
        // A visible headline that the metadata title starts with is the title without the site's name.
        var comparableCandidates: [String]?
        // Text longer than any title is not compared: on a broken page a heading or a title tag can hold
        // a whole document, and comparing it costs hundreds of instructions a character.
        let limit = MetadataExtractor.longestComparedTitle
        for heading in headings where !heading.isShorter(than: 8) && heading.utf8.count <= limit {
            let key = MetadataExtractor.comparable(heading)
            let keys = comparableCandidates ?? candidates.map { $0.utf8.count <= limit ? MetadataExtractor.comparable($0) : "" }
            comparableCandidates = keys
            if keys.contains(where: { $0.hasPrefix(key) || $0.hasSuffix(key) }) {
                return heading
            }
        }
        // A single visible headline is what readers see as the title; metadata titles are often
        // rewritten for search engines and social cards.
        let sites = comparableSiteNames
        if headings.count == 1, let heading = headings.first, heading.split(separator: " ").count <= 30, !heading.isShorter(than: 4),
           !isSiteName(heading, sites) {
            return heading
        }
        if let best = candidates.first {
            return stripSiteName(best)
        }
        return headings.first
    }

    /// The most bytes of a heading or a metadata title that ``title()`` compares with the others.
    static let longestComparedTitle = 2_000

    private static let titleSeparators = [" | ", " || ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " ~ ", ": "]

    /// Removes a leading or trailing segment that names the site (`Headline | Site`, `Site - Headline`).
    func stripSiteName(_ title: String) -> String {
        // Text longer than any title is not compared with the site's names (see ``longestComparedTitle``).
        guard title.utf8.count <= MetadataExtractor.longestComparedTitle else { return title }
        let sites = comparableSiteNames.filter { !$0.isEmpty }
        for separator in MetadataExtractor.titleSeparators {
            guard title.contains(separator) else { continue }
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let head = parts.dropLast().joined(separator: separator)
            let tail = parts.last ?? ""
            let first = parts.first ?? ""
            let rest = parts.dropFirst().joined(separator: separator)
            if isSiteName(tail, sites) { return clean(head) }
            if isSiteName(first, sites), separator != ": " { return clean(rest) }
            // Without a known site name, a short tail after a strong separator is most likely the site.
            if [" | ", " || ", " – ", " — ", " :: ", " · ", " • ", " » "].contains(separator),
               tail.split(separator: " ").count <= 4, head.count > tail.count {
                return clean(head)
            }
        }
        return title
    }

    private func isSiteName(_ segment: String, _ sites: [String]) -> Bool {
        let key = MetadataExtractor.comparable(segment)
        guard !key.isEmpty else { return false }
        let squeezed = MetadataExtractor.squeezed(key)
        return sites.contains { site in
            let siteSqueezed = MetadataExtractor.squeezed(site)
            return site == key || (!squeezed.isEmpty && siteSqueezed.contains(squeezed)) || (!siteSqueezed.isEmpty && squeezed.contains(siteSqueezed))
        }
    }

    /// The letters and digits of a ``comparable(_:)`` key, without its spaces.
    private static func squeezed(_ key: String) -> String {
        // An ASCII key is letters and digits between single spaces.
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: key.utf8.filter { $0 != 0x20 }, as: UTF8.self) }
        return key.filter { $0.isLetter || $0.isNumber }
    }

    /// Lowercased, letters and digits and single spaces only, for comparing titles.
    static func comparable(_ text: String) -> String {
        if let simple = simpleComparable(text) { return simple }
        return String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    /// ``comparable(_:)`` of text in ASCII and ``isInertPunctuation(_:)``, byte by byte: the same words
    /// without building `Character`s; nil for other text.
    ///
    /// Titles are mostly ASCII with typographic quotes and dashes, whose lowering and character breaking
    /// cost a hundred times more than the bytes: each such scalar is a character of its own, neither letter
    /// nor digit, so it only separates words.
    private static func simpleComparable(_ text: String) -> String? {
        WhiteSpace.withBytes(text) { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte >= 0x80 {
                    guard let (scalar, length) = twoOrThreeByteScalar(in: bytes, at: position), isInertPunctuation(scalar)
                    else { return nil }
                    pendingSpace = true
                    position += length
                    continue
                }
                let lower = byte.asciiLowercased
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !result.isEmpty { result.append(0x20) }
                    pendingSpace = false
                    result.append(lower)
                } else {
                    pendingSpace = true
                }
                position += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The scalar of a two- or three-byte UTF-8 sequence at `position` (the bytes are valid UTF-8) and its
    /// length; nil for a four-byte one.
    private static func twoOrThreeByteScalar(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int)? {
        let lead = UInt32(bytes[position])
        if lead & 0xE0 == 0xC0, position + 1 < bytes.count {
            return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F), 2)
        }
        if lead & 0xF0 == 0xE0, position + 2 < bytes.count {
            return ((lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F), 3)
        }
        return nil
    }

    /// Latin-1 signs (no-break space, «, », ©, ·) and general punctuation (dashes, quotes, bullets,
    /// ellipsis): scalars that are neither letters nor digits, have no case, and always form a character
    /// of their own (a test checks each).
    static func isInertPunctuation(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC...0xBE: false  // ª ² ³ µ ¹ º ¼ ½ ¾ are letters or numbers
        case 0xA0...0xBF, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    private func clean(_ text: String) -> String {
        WhiteSpace.collapse(text)
    }

    // MARK: Author

    func author() -> String? {
        for object in linkedArticles {
            if let name = MetadataExtractor.personNames(object["author"] ?? object["creator"]), let valid = validAuthor(name) {
                return valid
            }
        }
        if let name = firstMeta(["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
                                 "dcterms.creator", "citation_author", "twitter:creator"]),
           let valid = validAuthor(name) {
            return valid
        }
        return visibleByline() ?? publisherName()
    }

    /// The organisation that publishes the page, the author of what no person signs: the publisher named in
    /// JSON-LD, else the site's name.
    private func publisherName() -> String? {
        for object in linkedArticles {
            if let name = object["publisher"]?.object?["name"]?.string, !clean(name).isEmpty {
                return clean(name)
            }
        }
        if let site = firstMeta(["og:site_name", "application-name"]).map(clean), !site.isEmpty { return site }
        for object in linkedData {
            if let type = object["@type"]?.string, ["organization", "website", "newsmediaorganization"].contains(type.lowercased()),
               let name = object["name"]?.string.map(clean), !name.isEmpty {
                return name
            }
        }
        return nil
    }

    private static func personNames(_ value: JSONValue?) -> String? {
        var names: [String] = []
        var pending: [JSONValue] = value.map { [$0] } ?? []
        while let item = pending.popLast() {
            if let name = item.string {
                names.append(name)
            } else if let object = item.object {
                if let name = object["name"]?.string {
                    names.append(name)
                } else if let given = object["givenName"]?.string {
                    names.append([given, object["familyName"]?.string].compactMap { $0 }.joined(separator: " "))
                }
            } else if let array = item.array {
                pending.append(contentsOf: array.reversed())
            }
        }
        let unique = names.map { $0.trimmingScalars(where: FoundationWhiteSpace.isWhitespaceOrNewline) }.filter { !$0.isEmpty }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }

    private func validAuthor(_ raw: String) -> String? {
        var name = clean(raw)
        for prefix in ["by ", "By ", "BY ", "von ", "par "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        name = name.trimmingScalars { " ,|:-–—".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.isShorter(than: 121), !name.containsASCII("http"), !name.containsASCII("/"), !name.hasPrefix("@")
        else { return nil }
        let key = MetadataExtractor.comparable(name)
        if comparableSiteNames.contains(key) { return nil }
        return name
    }

    /// "By Jane Doe" near the headline, or an element marked as the author.
    private func visibleByline() -> String? {
        let nodes = document.nodes
        // Explicit markup (rel=author, itemprop=author) first, then class names such as "byline".
        for explicit in [true, false] {
            // Only elements with attributes can be marked; most have none, and copying each node costs.
            for index in 1..<nodes.count where !nodes[index].isText && !nodes[index].attributes.isEmpty {
                // The node's fields are handed over one by one: passing the node would copy it.
                let marked = explicit
                    ? MetadataExtractor.isMarkedAsAuthor(rel: nodes[index].attribute("rel"), itemprop: nodes[index].attribute("itemprop"))
                    : MetadataExtractor.isNamedAsByline(nodes[index].classAndID)
                // Bylines are small; reading the text of a large block would make this quadratic.
                guard marked, document.subtreeEnd(of: index) - index <= 24 else { continue }
                // The plain text has its white space collapsed already.
                let text = document.plainText(of: index)
                guard !text.isShorter(than: 3), text.isShorter(than: 81) else { continue }
                if let valid = validAuthor(MetadataExtractor.bylineName(text) ?? text) { return valid }
            }
        }
        // A short block that starts with "By ".
        let blocks = MetadataExtractor.bylineBlocks.flatMap { document.elements(named: $0) }.sorted()
        for index in blocks {
            guard document.subtreeEnd(of: index) - index <= 12 else { continue }
            // A byline starts with one of the letters of `bylineName`'s prefixes: only such blocks are read.
            guard let first = document.firstVisibleByte(of: index), MetadataExtractor.bylineInitials.contains(first) else { continue }
            let text = document.plainText(of: index)
            guard text.isShorter(than: 80), let name = MetadataExtractor.bylineName(text) else { continue }
            if let valid = validAuthor(name) { return valid }
        }
        return nil
    }

    /// True for `rel=author` or `itemprop=author`.
    private static func isMarkedAsAuthor(rel: String?, itemprop: String?) -> Bool {
        if let rel, rel.hasWord("author") { return true }
        return itemprop?.lowercasedIfNeeded() == "author"
    }

    /// True for a class or id such as "byline", "author", "post-author-name" or "fn".
    private static func isNamedAsByline(_ names: String) -> Bool {
        guard !names.isEmpty else { return false }
        if WhiteSpace.occurs("byline", in: names) { return true }
        guard WhiteSpace.occurs("author", in: names) || WhiteSpace.occurs("fn", in: names) else { return false }
        func isAuthorName(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            ASCIIWords.matches(word, "author") || ASCIIWords.matches(word, "fn")
                || (word.count >= 11 && ASCIIWords.matches(UnsafeBufferPointer(rebasing: word[(word.count - 11)...]), "author-name"))
        }
        return ASCIIWords.containsWord(in: names, where: isAuthorName)
            ?? names.split(separator: " ").contains { $0 == "author" || $0.hasSuffix("author-name") || $0 == "fn" }
    }

    /// Blocks that may hold a byline of their own.
    private static let bylineBlocks = ["p", "div", "span", "address"]

    /// First bytes of the prefixes ``bylineName(_:)`` accepts: B, b, W, P, A.
    private static let bylineInitials: Set<UInt8> = [0x42, 0x62, 0x57, 0x50, 0x41]

    /// The name in "By Jane Doe" or "By Jane Doe | December 20, 2019".
    static func bylineName(_ text: String) -> String? {
        guard let start = bylineStart(text) else { return nil }
        var rest = String(text[start...])
        for stop in [" | ", " - ", " – ", " — ", " on ", " and published", "Published", "Updated", ",  "] {
            if let cut = rest.range(of: stop) { rest = String(rest[..<cut.lowerBound]) }
        }
        if let digit = rest.firstIndex(where: \.isNumber) { rest = String(rest[..<digit]) }
        let words = rest.split(separator: " ")
        guard (1...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || ["and", "de", "van", "von", "da", "di", "&"].contains($0) }) else {
            return nil
        }
        return words.joined(separator: " ").trimmingScalars { $0 == " " || $0 == "," }
    }

    private static let bylinePrefixes = ["By", "by", "BY", "Written by", "Posted by", "Author:"]

    /// Where the name starts after a byline prefix (``bylinePrefixes``) and the white space (Unicode's
    /// `White_Space`, as `\s` of ICU regular expressions) that must follow it; nil if there is none.
    /// It is what the regular expression `^(?:[Bb]y|BY|Written by|Posted by|Author:)\s+` matches, found
    /// without compiling that expression for each of the many short blocks a page is searched in.
    private static func bylineStart(_ text: String) -> String.Index? {
        let scalars = text.unicodeScalars
        for prefix in bylinePrefixes where scalars.starts(with: prefix.unicodeScalars) {
            var index = scalars.index(scalars.startIndex, offsetBy: prefix.unicodeScalars.count)
            var spaces = 0
            while index < scalars.endIndex, scalars[index].properties.isWhitespace {
                index = scalars.index(after: index)
                spaces += 1
            }
            if spaces > 0 { return index }
        }
        return nil
    }

    // MARK: Published date

    func published(language: String?) -> String? {
        for object in linkedArticles {
            for key in ["datePublished", "dateCreated", "uploadDate"] {
                if let raw = object[key]?.string, let date = DateNormalizer.normalize(raw) { return date }
            }
        }
        if let raw = firstMeta([
            "article:published_time", "og:published_time", "datepublished", "article:published", "published_time",
            "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "sailthru.date",
            "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date", "citation_publication_date",
            "citation_date", "article.published", "cxenseparse:recs:publishtime", "og:pubdate", "release_date", "published",
        ]), let date = DateNormalizer.normalize(raw) {
            return date
        }
        if let date = timeElementDate() { return date }
        let dayFirst = language.map { $0 != "en" } ?? false
        if let date = visibleDate(dayFirst: dayFirst) ?? labelledDate(dayFirst: dayFirst) { return date }
        // The address the page gives for itself counts as much as the one it was fetched from (a saved file's).
        for address in [url] + [firstMeta(["og:url", "twitter:url"])].compactMap({ $0 }) {
            if let date = DateNormalizer.fromURL(address) { return date }
        }
        return firstMeta(["article:modified_time", "og:updated_time", "datemodified", "last-modified"]).flatMap(DateNormalizer.normalize)
    }

    /// `<time datetime>`, preferring one marked as the publication date.
    private func timeElementDate() -> String? {
        var fallback: String?
        for index in document.elements(named: "time") {
            let node = document.nodes[index]
            guard let raw = node.attribute("datetime") ?? Optional(document.plainText(of: index)),
                  let date = DateNormalizer.normalize(raw) else { continue }
            // "datepublished" holds "publish" too.
            let marks = ((node.attribute("itemprop") ?? "") + " " + node.classAndID).lowercasedIfNeeded()
            if node.attribute("pubdate") != nil || marks.containsASCII("publish") {
                return date
            }
            if fallback == nil { fallback = date }
        }
        if fallback != nil { return fallback }
        let nodes = document.nodes
        // Most elements have no attributes (and text nodes none): only the others are asked for an itemprop.
        for index in 1..<nodes.count where !nodes[index].attributes.isEmpty
            && nodes[index].attribute("itemprop")?.lowercasedIfNeeded() == "datepublished" {
            let node = nodes[index]
            if let raw = node.attribute("content") ?? node.attribute("datetime") ?? Optional(document.plainText(of: index)),
               let date = DateNormalizer.normalize(raw) {
                return date
            }
        }
        return nil
    }

    /// A date written near the headline ("12/20/2019", "December 20, 2019").
    private func visibleDate(dayFirst: Bool) -> String? {
        if let date = datedElement(dayFirst: dayFirst) { return date }
        guard let heading = document.firstElement(named: "h1") else { return nil }
        // The text just before the headline (a dateline above it) and a little way after it.
        let before = textWindow(from: heading, step: -1, characters: 200)
        let after = textWindow(from: heading, step: 1, characters: 800)
        return DateNormalizer.findInText(after, dayFirst: dayFirst) ?? DateNormalizer.findInText(before, dayFirst: dayFirst)
    }

    /// A date after a label anywhere on the page: "Posted on April 13, 2023", "Last updated: November 13, 2025".
    private func labelledDate(dayFirst: Bool) -> String? {
        let nodes = document.nodes
        for index in 1..<nodes.count where nodes[index].isText && nodes[index].textRange.count <= 60 {
            guard document.withText(of: index, MetadataExtractor.startsWithDateLabel) else { continue }
            if let date = DateNormalizer.findInText(textWindow(from: index, step: 1, characters: 80), dayFirst: dayFirst) {
                return date
            }
        }
        return nil
    }

    /// The first byte of a text node's text, lowered, if it is an ASCII letter (neither white space nor
    /// punctuation): the labels searched for are told by it without reading the text.
    private func leadingLetter(of index: Int) -> UInt8? {
        let range = document.nodes[index].textRange
        guard !range.isEmpty else { return nil }
        let byte = document.textBytes[range.lowerBound]
        return byte.isASCIILetter ? byte.asciiLowercased : nil
    }

    private static let dateLabels = ["posted on", "published", "updated", "last updated", "last modified", "date:"]

    /// True for text that starts with one of ``dateLabels``, in any case.
    private static func startsWithDateLabel(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < text.count, text[start] == 0x20 || (text[start] >= 0x09 && text[start] <= 0x0D) { start += 1 }
        // Every label starts with p, u, l or d: other texts are not decoded.
        guard start < text.count else { return false }
        switch text[start].asciiLowercased {
        case 0x70, 0x75, 0x6C, 0x64: break
        default: return false
        }
        let head = String(decoding: UnsafeBufferPointer(rebasing: text[start..<min(text.count, start + 13)]), as: UTF8.self).lowercased()
        return dateLabels.contains { head.hasPrefix($0) }
    }

    /// A small element whose class or id speaks of a date ("post-date", "publish-meta", "story-date").
    private func datedElement(dayFirst: Bool) -> String? {
        let nodes = document.nodes
        for index in 1..<nodes.count where !nodes[index].isText && !nodes[index].attributes.isEmpty {
            let names = nodes[index].classAndID
            guard WhiteSpace.occurs("date", in: names) || WhiteSpace.occurs("publish", in: names)
                    || WhiteSpace.occurs("posted", in: names),
                  !WhiteSpace.occurs("update", in: names), !WhiteSpace.occurs("modif", in: names),
                  document.subtreeEnd(of: index) - index <= 12
            else { continue }
            if let date = DateNormalizer.findInText(document.plainText(of: index), dayFirst: dayFirst) { return date }
        }
        return nil
    }

    /// Visible text next to `start`, walking the node array forward or backward.
    private func textWindow(from start: Int, step: Int, characters: Int) -> String {
        var pieces: [String] = []
        var count = 0
        var index = start
        var visited = 0
        while index > 0 && index < document.nodes.count && count < characters && visited < 600 {
            let node = document.nodes[index]
            if node.isText {
                let parentName = document.nodes[node.parent].name
                if parentName != "script" && parentName != "style" {
                    let text = document.text(of: index)
                    pieces.append(text)
                    count += text.count
                }
            }
            index += step
            visited += 1
        }
        if step < 0 { pieces.reverse() }
        return pieces.joined(separator: " ")
    }

    // MARK: Tags

    func tags() -> [String] {
        var found: [String] = []
        found += meta["article:tag"] ?? []
        let nodes = document.nodes
        for index in document.elements(named: "a") {
            if nodes[index].attribute("rel")?.hasWord("tag") == true {
                found.append(document.plainText(of: index))
            }
        }
        if found.isEmpty { found += labelledTagLists() }
        if found.isEmpty {
            for object in linkedArticles {
                if let list = object["keywords"]?.array {
                    found += list.compactMap(\.string)
                } else if let text = object["keywords"]?.string {
                    found += text.components(separatedByASCII: ",")
                }
                if !found.isEmpty { break }
            }
        }
        if found.isEmpty, let keywords = firstMeta(["keywords", "news_keywords"]) {
            found += keywords.components(separatedByASCII: ",")
        }
        var seen: Set<String> = []
        var result: [String] = []
        for tag in found.map(clean) where !tag.isEmpty && tag.isShorter(than: 81) {
            if seen.insert(tag.lowercased()).inserted { result.append(tag) }
            if result.count >= 30 { break }
        }
        return result
    }

    /// Links in a block labelled "Tagged With:", "Tags:" or "Topics:".
    private func labelledTagLists() -> [String] {
        let nodes = document.nodes
        for index in 1..<nodes.count where nodes[index].isText && nodes[index].textRange.count <= 40 {
            // Every label starts with t or f: a text that starts with another letter is not read.
            if let letter = leadingLetter(of: index), letter != 0x74 && letter != 0x66 { continue }
            guard document.withText(of: index, MetadataExtractor.isTagLabel) else { continue }
            // The label's block: climb to the nearest ancestor that holds links.
            var container = nodes[index].parent
            for _ in 0..<3 {
                let links = document.elements(named: "a", within: container)
                if !links.isEmpty {
                    return links.map { document.plainText(of: $0) }
                }
                container = nodes[container].parent
                if container <= 0 { break }
            }
        }
        return []
    }

    private static let tagLabels: [StaticString] = ["tagged with", "tags", "tagged", "topics", "filed under"]

    /// True if the text, its white space collapsed, lowered and trimmed of colons and spaces, is one of
    /// ``tagLabels``.
    ///
    /// The labels are ASCII without "k": a character other than ASCII and white space lowers to a non-ASCII
    /// one (or, the Kelvin sign, to "k"), so a text with one is no label and the rest is settled on bytes.
    private static func isTagLabel(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every label starts with "t" or "f" and is short: skip all other short texts at once.
        guard mayBeTagLabel(buffer) else { return false }
        var writer = CollapsingWriter()
        writer.append(buffer)
        let text = writer.bytes
        guard text.allSatisfy({ $0 < 0x80 }) else { return false }
        var start = 0
        var end = text.count
        while start < end && (text[start] == 0x3A || text[start] == 0x20) { start += 1 }
        while end > start && (text[end - 1] == 0x3A || text[end - 1] == 0x20) { end -= 1 }
        return tagLabels.contains { label in
            UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount)
                .elementsEqual(text[start..<end].lazy.map(\.asciiLowercased))
        }
    }

    /// True if the first byte that is neither white space nor a colon is `t`, `T`, `f` or `F`, and at most
    /// ten characters other than white space and colons follow from it (the longest labels, "tagged with"
    /// and "filed under", have ten letters; lowering a character never makes it fewer).
    private static func mayBeTagLabel(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        var characters = 0
        while position < buffer.count {
            let space = WhiteSpace.length(in: buffer, at: position)
            if space > 0 {
                position += space
                continue
            }
            let byte = buffer[position]
            position += 1
            // Colons and the continuation bytes of a character are not counted.
            if byte == 0x3A || byte & 0xC0 == 0x80 { continue }
            if characters == 0, !(byte == 0x74 || byte == 0x54 || byte == 0x66 || byte == 0x46) { return false }
            characters += 1
            if characters > 10 { return false }
        }
        return characters > 0
    }

    // MARK: Language

    func language() -> String? {
        var raw: String?
        if let html = document.firstElement(named: "html") {
            raw = document.nodes[html].attribute("lang") ?? document.nodes[html].attribute("xml:lang")
        }
        if raw?.isEmpty ?? true { raw = firstMeta(["content-language", "language", "dc.language", "og:locale"]) }
        guard let value = raw else { return nil }
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }
}
