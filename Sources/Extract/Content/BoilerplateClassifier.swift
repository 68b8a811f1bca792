/// Judges elements by their tag, attributes and class/id names: what is never content, what is
/// hidden, and whether the names hint at an article body or at page furniture.
enum BoilerplateClassifier {
    /// Elements whose content is never readable text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed",
        "applet", "canvas", "audio", "video", "source", "track", "map", "title", "meta", "link", "base",
        "input", "select", "option", "optgroup", "textarea", "button", "datalist", "output", "progress", "meter",
        "dialog", "menu",
    ]

    /// Elements whose content is never text, however large (script source, styles, vector graphics).
    static let neverTextTags: Set<String> = ["script", "style", "svg", "math", "title", "template", "meta", "link"]

    /// Elements whose text is shown as written: markup quoted in them is content.
    static let literalTextTags: Set<String> = ["pre", "code", "xmp", "listing", "plaintext", "textarea", "kbd", "samp"]

    /// True for text that is the rest of a tag the parser gave up on: framework attributes such as
    /// `@click="..."` or `:class="..."` make libxml2 end the tag at a `>` inside a quoted value, and the
    /// remaining attributes (`" x-init="..." x-data="...">`) come out as text.
    static func looksLikeLeakedMarkup(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x0A || text[end - 1] == 0x0D || text[end - 1] == 0x09 {
            end -= 1
        }
        guard end >= 2, text[end - 1] == UInt8(ascii: ">"),
              text[end - 2] == UInt8(ascii: "\"") || text[end - 2] == UInt8(ascii: "'")
        else { return false }
        var assignments = 0
        var previous: UInt8 = 0
        for byte in text {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                assignments += 1
                if assignments >= 2 { return true }
            }
            previous = byte
        }
        return false
    }

    /// HTML5 elements that hold page furniture rather than the article (2.9.14 keeps them as elements).
    static let furnitureTags: Set<String> = ["nav", "aside", "footer", "header"]

    /// ARIA roles of page furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog",
        "alert", "alertdialog", "toolbar", "tablist",
    ]

    /// Elements that flow within a line of text; everything else starts a new block.
    static let inlineTags = HTMLDocument.inlineTags

    /// Words in a class or id that mark the article body.
    static let positiveWords = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "hentry", "prose", "column",
        "page",
    ]

    /// Fragments of a class or id that mark furniture so surely that the element is dropped before
    /// scoring (readability's "unlikely candidates"), matched anywhere in a name.
    static let unlikelyFragments = [
        "comment", "sidebar", "footer", "related", "social", "newsletter", "cookie", "subscribe", "breadcrumb",
        "navigation", "navbar", "menu", "masthead", "banner", "sponsor", "popup", "modal", "disqus", "pagination",
        "signup", "advert", "outbrain", "taboola", "consent", "gdpr", "paywall", "shoutbox", "skyscraper",
        "combx", "agegate", "supplemental", "cover-wrap", "-ad-", "ad-break", "share", "sharing", "subnav",
        "dropdown", "overlay",
    ]

    /// Short furniture words, matched only as whole words of a name (`ad` must not match `header`).
    static let unlikelyWords: Set<String> = ["nav", "ad", "ads", "header", "rss", "sponsored", "promo", "pager"]

    /// Weaker fragments: they lower a container's score and clean it out of the chosen content, but do
    /// not drop it before scoring. Only compound names here: single words of utility-class frameworks
    /// (`print:break-inside-avoid`, `skip-item`) must not match.
    static let negativeFragments = unlikelyFragments + [
        "entry-meta", "post-meta", "postmeta", "article-meta", "read-more", "readmore", "keep-reading", "tag-list",
        "taglist", "tagcloud", "most-read", "mostread", "support-us", "author-box", "authorbox", "author-bio",
        "about-author", "post-tags", "entry-tags", "byline", "skip-link", "skip-to", "signature", "table-of-contents",
        "tableofcontents", "ez-toc", "simpletoc", "toc-container", "toc-title", "toc-wrapper",
    ]

    /// Weaker whole words (see ``negativeFragments``).
    static let negativeWords: Set<String> = unlikelyWords.union([
        "author", "authors", "bio", "meta", "tags", "tag", "tools", "toolbar", "actions", "recommended",
        "recommendations", "trending", "popular", "copyright", "login", "search", "teaser", "teasers", "carousel",
        "slider", "follow", "profile", "rating", "ratings", "donate", "feedback", "footnotes", "adv", "legal",
        "utility", "icons", "sns", "btn", "button", "reviews",
    ])

    /// Weak furniture words (``negativeWords``) for the parts every page of a site repeats, which are furniture
    /// even in a landing page's main region.
    static let finePrintWords: Set<String> = ["legal", "copyright"]

    /// Fragments of a class or id that mark a disclosure panel: code in another language behind a tab, the
    /// answer of a question, a product's specifications.
    static let disclosureFragments = [
        "accordion", "collaps", "faq", "answer", "tab-pane", "tab-panel", "tabs-panel", "tab-content", "tabpanel",
    ]

    /// Phrases of headings over suggestions of other products or pages, not part of the page's own content.
    static let recommendationPhrases: [StaticString] = [
        "also viewed", "also bought", "also purchased", "also like", "also love", "also enjoy", "similar items",
        "similar products", "related products", "related items", "recommended for you", "recommended products",
        "frequently bought together", "customers who viewed", "customers who bought", "complete the look",
        "you may also", "you might also", "more from this seller",
    ]

    /// True if a heading announces suggestions of other things to buy or see.
    static func announcesRecommendations(_ heading: String) -> Bool {
        let text = heading.lowercased()
        return recommendationPhrases.contains { WhiteSpace.occurs($0, in: text) }
    }

    /// True for furniture by tag (`nav`, `aside`, `header`, `footer`) or ARIA role.
    static func isFurniture(_ node: HTMLNode) -> Bool {
        furnitureTags.contains(node.name) || hasFurnitureRole(node)
    }

    /// True for an element with the ARIA role of page furniture.
    static func hasFurnitureRole(_ node: HTMLNode) -> Bool {
        guard let role = node.attribute("role")?.lowercased() else { return false }
        return furnitureRoles.contains(role)
    }

    /// True for elements a browser would not show.
    ///
    /// A disclosure panel (a tab's pane, an accordion's answer) is shown when a reader opens it, so it is
    /// never taken as hidden.
    @inline(__always)
    static func isHidden(_ node: HTMLNode) -> Bool {
        // The attributes first: the few hidden elements are the only ones whose names need a search.
        var hides = false
        for attribute in node.attributes where !hides {
            let name = attribute.name
            if name.isSameName("hidden") {
                hides = true
            } else if name.isSameName("aria-hidden") {
                hides = attribute.value.lowercased() == "true"
            } else if name.isSameName("style") {
                hides = styleHides(attribute.value)
            } else if name.isSameName("type") {
                hides = node.name == "input" && attribute.value.lowercased() == "hidden"
            }
        }
        guard hides else { return false }
        if node.attribute("role")?.lowercased() == "tabpanel" { return false }
        return !namesDisclosure(node)
    }

    /// True if the class or id names a part of a disclosure widget (`accordion-header`, `faq-question`):
    /// such a part is content even when its name also holds a furniture word.
    static func namesDisclosure(_ node: HTMLNode) -> Bool {
        !node.classAndID.isEmpty && disclosureFragmentSet.occurs(in: node.classAndID)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// True if an inline style says `display: none` or `visibility: hidden`, in any case and spacing.
    private static func styleHides(_ style: String) -> Bool {
        WhiteSpace.withBytes(style) { buffer in
            guard buffer.allSatisfy({ $0 < 0x80 }) else {
                let squeezed = style.lowercased().filter { !$0.isWhitespace }
                return squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
            }
            var squeezed: [UInt8] = []
            squeezed.reserveCapacity(buffer.count)
            for byte in buffer where byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) {
                squeezed.append(byte.asciiLowercased)
            }
            return squeezed.withUnsafeBufferPointer { haystack in
                displayNone.withUnsafeBufferPointer { WhiteSpace.occurs($0, in: haystack) }
                    || visibilityHidden.withUnsafeBufferPointer { WhiteSpace.occurs($0, in: haystack) }
            }
        }
    }

    /// The lowercase words of an element's class and id, split at anything that is not a letter or
    /// digit: for names that are not ASCII, which ``WordSet`` cannot match in place.
    static func nameWords(_ node: HTMLNode) -> [Substring] {
        nameWords(of: node.classAndID)
    }

    private static func nameWords(of names: String) -> [Substring] {
        names.split { !$0.isLetter && !$0.isNumber }
    }

    /// The class and id without the terms a publishing system adds to each post or product after its tags
    /// and categories (`tag-sharing`, `category-advertising`, `product_tag-gift`): they name the item's
    /// subject, not its part in the page. Such systems also give the item `type-…` and `status-…` classes.
    static func withoutTaxonomyTerms(_ names: String) -> String {
        guard WhiteSpace.occurs("status-", in: names), WhiteSpace.occurs("type-", in: names) else { return names }
        return names.split(separator: " ").filter { !isTaxonomyTerm($0) }.joined(separator: " ")
    }

    private static func isTaxonomyTerm(_ name: Substring) -> Bool {
        // `product_tag-gift` is the tag `gift` of the taxonomy `product_tag`.
        let term = name.split(separator: "_").last ?? name
        return ["tag-", "tags-", "category-", "cat-"].contains { term.hasPrefix($0) }
    }

    private static let disclosureFragmentSet = FragmentSet(disclosureFragments)
    /// The sets ``hints(_:cache:)`` asks about, searched in one pass each: positive, negative and unlikely
    /// fragments (bits 0, 1, 2) and the two marks of taxonomy terms (bits 3, 4; see
    /// ``withoutTaxonomyTerms(_:)``), and unlikely and negative words (bits 0, 1).
    private static let hintFragmentSets = FragmentSet(groups: [positiveWords, negativeFragments, unlikelyFragments, ["status-"], ["type-"]])
    private static let taxonomyMarks: UInt64 = 0b11000
    private static let hintWordSets = WordSet(groups: [Array(unlikelyWords), Array(negativeWords)])

    /// Readability's class weight: +25 for a content hint, -25 for a furniture hint (both cancel), +50
    /// for `itemprop="articleBody"`.
    private static func weight(negative: Bool, positive: Bool, node: HTMLNode) -> Double {
        var weight = 0.0
        if positive { weight += 25 }
        if negative { weight -= 25 }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 50 }
        return weight
    }

    /// What an element's class, id and itemprop say about it, worked out once per element.
    struct NameHints: Sendable {
        var unlikely = false
        var negative = false
        var positive = false
        /// Readability's class weight (see ``weight(negative:positive:node:)``).
        var weight = 0.0
    }

    /// The hints of one element; elements without class, id or itemprop get empty hints at once.
    ///
    /// What the class and id say is kept in `cache`: the items of a list, a menu or a grid repeat the
    /// same names, which are then looked up instead of searched again.
    @inline(__always)
    static func hints(_ node: HTMLNode, cache: inout NameHintCache) -> NameHints {
        guard !node.isText else { return NameHints() }
        // Without class and id only an itemprop can weigh.
        var hints = NameHints()
        if !node.classAndID.isEmpty {
            hints = cache.hints(of: node.classAndID, orElse: nameHints)
        }
        hints.weight = weight(negative: hints.negative, positive: hints.positive, node: node)
        return hints
    }

    /// The hints (without weight) of the class-and-id texts of one page, each text searched once.
    ///
    /// The texts are keyed by a hash of their bytes taken a word at a time, in an open-addressing table:
    /// the standard library's `String` hashing costs several times as much on these names, and a page
    /// looks up tens of thousands of them.
    struct NameHintCache {
        private struct Entry {
            let hash: UInt64
            let start: Int
            let count: Int
            let hints: NameHints
        }

        /// The texts met so far, end to end.
        private var bytes: [UInt8] = []
        private var entries: [Entry] = []
        /// Positions in `entries` by hash, -1 for a free slot; the count is a power of two, at least
        /// twice that of the entries.
        private var slots: [Int32]

        /// A cache for about `expected` distinct texts (it grows past that).
        init(expected: Int) {
            var capacity = 16
            while capacity < 2 * expected { capacity *= 2 }
            slots = [Int32](repeating: -1, count: capacity)
        }

        /// The hints of `names`, worked out by `search` the first time they are met.
        mutating func hints(of names: String, orElse search: (String) -> NameHints) -> NameHints {
            WhiteSpace.withBytes(names) { text in
                let hash = NameHintCache.hash(text)
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 {
                    let entry = entries[Int(slots[slot])]
                    if entry.hash == hash, entry.count == text.count, bytes.withUnsafeBufferPointer({
                        NameHintCache.same(text, UnsafeBufferPointer(rebasing: $0[entry.start..<entry.start + entry.count]))
                    }) {
                        return entry.hints
                    }
                    slot = (slot + 1) & mask
                }
                let found = search(names)
                slots[slot] = Int32(truncatingIfNeeded: entries.count)
                entries.append(Entry(hash: hash, start: bytes.count, count: text.count, hints: found))
                bytes.append(contentsOf: text)
                if 2 * entries.count > slots.count { grow() }
                return found
            }
        }

        /// Doubles the slots and places every entry again.
        private mutating func grow() {
            slots = [Int32](repeating: -1, count: 2 * slots.count)
            let mask = slots.count - 1
            for (position, entry) in entries.enumerated() {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(truncatingIfNeeded: position)
            }
        }

        /// True if the two texts (of one length) have the same bytes, compared eight at a time.
        private static func same(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
            let first = UnsafeRawBufferPointer(first)
            let second = UnsafeRawBufferPointer(second)
            guard first.count == second.count else { return false }
            var offset = 0
            while offset + 8 <= first.count {
                guard first.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            while offset < first.count {
                guard first[offset] == second[offset] else { return false }
                offset += 1
            }
            return true
        }

        /// A hash of the bytes, eight at a time (FNV-style multiply and fold).
        private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let prime: UInt64 = 0x0000_0100_0000_01B3
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(text.count)
            let raw = UnsafeRawBufferPointer(text)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                hash ^= hash >> 32
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
            return hash ^ hash >> 29
        }
    }

    /// What a class and id (``HTMLNode/classAndID``, not empty) say, without the weight.
    private static func nameHints(_ classAndID: String) -> NameHints {
        var negative = false
        var unlikely = false
        var positive = false
        var names = classAndID
        var fragments = hintFragmentSets.groupsOccurring(in: names)
        if fragments & taxonomyMarks == taxonomyMarks {
            // The same pass told whether taxonomy terms may be there; only then are the names searched again.
            names = withoutTaxonomyTerms(classAndID)
            fragments = hintFragmentSets.groupsOccurring(in: names)
        }
        if !names.isEmpty {
            positive = fragments & 1 != 0
            negative = fragments & 2 != 0
            unlikely = negative && fragments & 4 != 0
            if !unlikely {
                // ASCII names (nearly all) are matched word by word in place; others are split as Unicode.
                let ascii = WhiteSpace.withBytes(names) { buffer -> (negative: Bool, unlikely: Bool)? in
                    guard buffer.allSatisfy({ $0 < 0x80 }) else { return nil }
                    let words = hintWordSets.groupsContainingWord(of: buffer)
                    return (words != 0, words & 1 != 0)
                }
                let words = ascii == nil ? nameWords(of: names).map(String.init) : []
                let negativeWord = ascii?.negative ?? words.contains(where: negativeWords.contains)
                negative = negative || negativeWord
                unlikely = negative && (ascii?.unlikely ?? words.contains(where: unlikelyWords.contains))
            }
        }
        return NameHints(unlikely: unlikely, negative: negative, positive: positive)
    }

    /// True if the element is structurally marked as the main content.
    static func isMainMarker(_ node: HTMLNode) -> Bool {
        if node.name == "article" || node.name == "main" { return true }
        if node.attribute("role")?.lowercased() == "main" { return true }
        return node.attribute("itemprop")?.lowercased() == "articlebody"
    }
}
