/// Judges elements by their tag, attributes and class/id names: what is never content, what is
/// hidden, and whether the names hint at an article body or at page furniture.
enum BoilerplateClassifier {
    /// Elements whose content is never readable text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed",
        "applet", "canvas", "audio", "video", "source", "track", "map", "head", "title", "meta", "link", "base",
        "input", "select", "option", "optgroup", "textarea", "button", "datalist", "output", "progress", "meter",
        "dialog", "menu",
    ]

    /// HTML5 elements that hold page furniture rather than the article (2.9.14 keeps them as elements).
    static let furnitureTags: Set<String> = ["nav", "aside", "footer", "header"]

    /// ARIA roles of page furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog",
        "alert", "alertdialog", "toolbar", "tablist",
    ]

    /// Elements that flow within a line of text; everything else starts a new block.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "acronym", "blink",
    ]

    /// Words in a class or id that mark the article body.
    static let positiveWords = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "hentry", "prose", "column",
        "page",
    ]

    /// Words in a class or id that mark furniture, matched anywhere in a name (they are long enough not to
    /// occur by accident).
    static let negativeFragments = [
        "comment", "sidebar", "footer", "related", "social", "newsletter", "cookie", "subscribe", "promo", "widget",
        "breadcrumb", "navigation", "navbar", "menu", "masthead", "banner", "sponsor", "popup", "modal", "disqus",
        "pagination", "pager", "signup", "advert", "share", "sharing", "byline", "author", "skip", "outbrain",
        "taboola", "recommend", "trending", "popular", "most-read", "mostread", "consent", "gdpr", "paywall",
        "toolbar", "masthead", "shoutbox", "skyscraper", "footnote", "copyright", "login", "search", "teaser",
        "carousel", "slider", "tagcloud", "tag-list", "taglist", "read-more", "readmore", "keep-reading", "subnav",
        "dropdown", "overlay", "follow", "profile", "entry-meta", "post-meta", "postmeta", "article-meta",
        "print", "rss", "feedback", "rating", "donate", "support-us",
    ]

    /// Short furniture words, matched only as whole words of a name (`ad` must not match `header`).
    static let negativeWords: Set<String> = [
        "nav", "ad", "ads", "adv", "tags", "tag", "bio", "header", "meta", "tools", "tool", "foot", "hidden", "hide",
        "extra", "links", "more", "aside", "sponsored", "community", "remark", "replies", "legal", "utility",
        "top", "bottom", "actions", "hdr", "ftr", "btn", "button", "icons", "sns",
    ]

    /// Removes the whole element: never-content tags, hidden elements, furniture roles.
    static func isDropped(_ node: HTMLNode) -> Bool {
        if droppedTags.contains(node.name) { return true }
        if isHidden(node) { return true }
        if let role = node.attribute("role")?.lowercased(), furnitureRoles.contains(role) { return true }
        return false
    }

    /// True for elements a browser would not show.
    static func isHidden(_ node: HTMLNode) -> Bool {
        for attribute in node.attributes {
            switch attribute.name {
            case "hidden":
                return true
            case "aria-hidden":
                if attribute.value.lowercased() == "true" { return true }
            case "style":
                let style = attribute.value.lowercased().filter { !$0.isWhitespace }
                if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            case "type":
                if node.name == "input", attribute.value.lowercased() == "hidden" { return true }
            default:
                continue
            }
        }
        return false
    }

    /// The lowercase words of an element's class and id, split at anything that is not a letter or digit.
    static func nameWords(_ node: HTMLNode) -> [Substring] {
        var words: [Substring] = []
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            words.append(contentsOf: attribute.value.lowercased().split { !$0.isLetter && !$0.isNumber })
        }
        return words
    }

    /// The lowercase class and id of an element joined by a space, for fragment matching.
    static func nameString(_ node: HTMLNode) -> String {
        var parts: [String] = []
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            parts.append(attribute.value.lowercased())
        }
        return parts.joined(separator: " ")
    }

    /// True if the class or id names page furniture.
    static func hasNegativeHint(_ node: HTMLNode) -> Bool {
        let names = nameString(node)
        guard !names.isEmpty else { return false }
        if negativeFragments.contains(where: { names.contains($0) }) { return true }
        return nameWords(node).contains { negativeWords.contains(String($0)) }
    }

    /// True if the class or id names an article body.
    static func hasPositiveHint(_ node: HTMLNode) -> Bool {
        let names = nameString(node)
        guard !names.isEmpty else { return false }
        return positiveWords.contains { names.contains($0) }
    }

    /// Readability's class weight: +25 for a content hint, -25 for a furniture hint (both cancel).
    static func classWeight(_ node: HTMLNode) -> Double {
        var weight = 0.0
        if hasPositiveHint(node) { weight += 25 }
        if hasNegativeHint(node) { weight -= 25 }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 50 }
        return weight
    }

    /// True if the element is structurally marked as the main content.
    static func isMainMarker(_ node: HTMLNode) -> Bool {
        if node.name == "article" || node.name == "main" { return true }
        if node.attribute("role")?.lowercased() == "main" { return true }
        return node.attribute("itemprop")?.lowercased() == "articlebody"
    }
}
