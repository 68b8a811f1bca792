import Foundation

/// Chooses which parts of a page are its main content, in the manner of readability: paragraphs
/// score the containers around them, the best container wins, siblings that belong to it join, and
/// furniture nested inside is cleaned out.
///
/// Every pass walks the node array once (or a bounded number of ancestors per node), so the work is
/// linear in the page size and never recursive.
struct MainContentSelector {
    let document: HTMLDocument
    private var nodes: [HTMLNode] { document.nodes }

    /// Nodes left out of the text (with their whole subtree).
    private(set) var excluded: [Bool]
    /// Visible characters (white space not counted) below each node.
    private var textLength: [Int]
    /// Characters inside links below each node.
    private var linkLength: [Int]
    /// Commas below each node.
    private var commas: [Int]
    /// Characters inside `<blockquote>` elements below each node.
    private var quotedLength: [Int]
    /// Characters inside links to tag pages (`rel="tag"`) below each node.
    private var tagLinkLength: [Int]
    /// Characters inside elements that mark a date for machines (``TextContext/machineDate``) below each node.
    private var timeLength: [Int]
    /// Characters of text whose nearest block ancestor is this node (its own "paragraph" text).
    private var directLength: [Int]
    private var directLinkLength: [Int]
    private var directCommas: [Int]

    /// Characters of "good" paragraph text below each node: paragraphs long enough and not mostly links.
    private var goodLength: [Int]
    /// Containers that received a score; nil for nodes never scored.
    private var scores: [Double?]
    /// Elements whose furniture names were found to describe the content (``select(title:)``).
    private var namedLikeContent = Set<Int>()
    /// Class and id hints of every node, computed once.
    private let hints: [BoilerplateClassifier.NameHints]
    /// What each node makes of the text below it (a link, a quote, a date: ``TextContext``), computed once:
    /// every statistics pass asks.
    private let contexts: [TextContext]
    /// Whether each node is an `<a>` element, found once: every statistics pass asks.
    private let isLink: [Bool]
    /// Whether each node is a furniture element by its tag (``BoilerplateClassifier/furnitureTags``).
    private let isFurnitureTag: [Bool]
    /// Whether each node is a furniture element by its tag or its role (``BoilerplateClassifier/isFurniture(_:)``),
    /// found once: the removal passes ask about every element.
    private let isFurnitureElement: [Bool]
    /// Whether each node is hidden (``BoilerplateClassifier/isHidden(_:)``), computed once: both removal passes ask.
    private let hidden: [Bool]
    /// Elements that a button opens (named in an `aria-controls`), by id.
    private let panels: [String: Int]
    /// The first `<h1>` that repeats the page's title, if any.
    private var headline: Int?
    /// Visible characters and commas of each text node (``measure(_:)``), counted once: every pass needs them.
    /// Filled after never-content is marked, so script and style text is never counted.
    private var measured: [(length: Int, commas: Int)]
    /// Elements with a piece of visible text among their children, found when the text is measured. Text is
    /// left out only with an ancestor from then on, so an included element's parent keeps its text.
    private var hasOwnText: [Bool]

    /// Below this many own characters a block is not a paragraph worth scoring.
    static let minimumParagraphLength = 25
    /// How much more paragraph text an ancestor must hold, relative to the current choice, to be taken instead.
    static let climbRatio = 0.5
    /// The most link text the part an ancestor adds may have for the ancestor to be taken.
    static let climbLinkDensity = 0.2
    /// The least share of the page's remaining text that the chosen content must hold to be kept alone.
    static let minimumShare = 0.2
    /// Below this share of the page the winner is no article at all, and the page is taken as a listing.
    static let listingShare = 0.1
    /// A winner this long is an article even when the page around it is larger: link lists still go.
    static let articleLength = 800
    /// Parts of a table, never removed one by one for their names.
    static let tableParts: Set<String> = ["thead", "tbody", "tfoot", "tr", "td", "th", "caption"]
    /// A paragraph with this many characters outside links is prose, never furniture.
    static let proseParagraphLength = 100
    /// A sibling of the winner with this share of its paragraph text (and few links) is more of the same content.
    static let siblingProseShare = 0.3
    /// The most link text a sibling may have to join the winner.
    static let siblingLinkDensity = 0.25
    /// Below this share of the cleaned `<main>` around it, the winner gives way to the whole `<main>`.
    static let mainRegionShare = 0.75
    /// From this many `<article>` elements in `<main>` up, an article there is a card of a list.
    static let cardCount = 3
    /// The link density above which the wrapper of a landing page's sections is a list of links instead.
    static let landingLinkDensity = 0.4
    /// An `<article>` with this share of the winner's paragraph text is the content, if it leads every
    /// other article there by ``articleLead`` times.
    static let articleShare = 0.3
    static let articleLead = 3.0
    /// A hidden element with more than this share of the page's paragraph text is content a script reveals.
    static let hiddenProseShare = 0.5
    /// From this many characters up, the label of a button that opens a panel is a heading (``isDisclosureLabel(_:)``).
    static let disclosureLabelLength = 12
    /// From this many elements below a root up, a furniture name they share names a part of each list item.
    static let itemPartCount = 5
    /// The share of a block's text inside `<blockquote>` from which it is a quotation whatever its name.
    static let embeddedQuoteShare = 0.8
    /// The most characters of one embedded post.
    static let embeddedQuoteLength = 600
    /// The most characters of a dateline, and the least share of them a `<time>` holds.
    static let datelineLength = 80
    static let datelineTimeShare = 0.6
    /// The least share of a block's text in links to tag pages that makes it a tag list.
    static let tagListShare = 0.6
    /// The most characters of a heading that announces recommendations, and the largest share of the page
    /// the block it opens may hold.
    static let recommendationHeadingLength = 60
    static let recommendationShare = 0.4
    /// A teaser list (``isTeaserList(_:titles:root:)``) has at least this many items, this share of them
    /// teasers of at most ``teaserLength`` characters; the article around such lists has ``teaserProseLead``
    /// times as much prose as they have text.
    static let teaserCount = 3
    static let teaserItemShare = 0.8
    static let teaserLength = 400
    static let teaserProseLead = 3
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// The words that label an advertisement, in a few languages, and the most characters of such a label.
    static let adLabels: Set<String> = ["advertisement", "advert", "anzeige", "werbung", "publicidad", "publicité", "pubblicità", "реклама", "iklan"]
    static let adLabelLength = 40
    /// The most bytes of text, shown or hidden and before white space is collapsed, below such a label.
    static let adLabelBytes = 1_024
    /// From this share of the page's remaining text in its landmarks up, the page shows only furniture.
    static let furnitureOnlyShare = 0.9
    /// The headings that title a section of a landing page.
    static let titleTags: Set<String> = ["h1", "h2", "h3", "h4"]
    /// Below this many characters the chosen content is thought to be a miss.
    static let minimumContentLength = 140

    init(document: HTMLDocument) {
        self.document = document
        let count = document.nodes.count
        excluded = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        quotedLength = Array(repeating: 0, count: count)
        timeLength = Array(repeating: 0, count: count)
        tagLinkLength = Array(repeating: 0, count: count)
        directLength = Array(repeating: 0, count: count)
        directLinkLength = Array(repeating: 0, count: count)
        directCommas = Array(repeating: 0, count: count)
        scores = Array(repeating: nil, count: count)
        goodLength = Array(repeating: 0, count: count)
        // By index: mapping over the nodes themselves copies every node (retains and releases of its
        // strings and attributes).
        let nodes = document.nodes
        // Text nodes and elements without attributes (most nodes) have no hints, no hiding and no context
        // but a quote's or a link's; only the others are read whole.
        var hints = [BoilerplateClassifier.NameHints](repeating: BoilerplateClassifier.NameHints(), count: count)
        var contexts = [TextContext](repeating: [], count: count)
        var hidden = [Bool](repeating: false, count: count)
        for index in document.elements(named: "blockquote") { contexts[index] = .quote }
        var isLink = [Bool](repeating: false, count: count)
        for index in document.elements(named: "a") {
            isLink[index] = true
            contexts[index] = .link
        }
        self.isLink = isLink
        var isFurnitureTag = [Bool](repeating: false, count: count)
        for name in BoilerplateClassifier.furnitureTags {
            for index in document.elements(named: name) { isFurnitureTag[index] = true }
        }
        self.isFurnitureTag = isFurnitureTag
        var isFurnitureElement = isFurnitureTag
        var withAttributes: [Int] = []
        for index in nodes.indices where !nodes[index].isText && !nodes[index].attributes.isEmpty {
            withAttributes.append(index)
        }
        // A panel that a button opens (an accordion's answer, a "more details" section) is there to be read.
        var controlled = Set<String>()
        var nameHints = BoilerplateClassifier.NameHintCache(expected: withAttributes.count / 2)
        for index in withAttributes {
            let node = nodes[index]
            hints[index] = BoilerplateClassifier.hints(node, cache: &nameHints)
            // Links and times are marked by their own attributes below; a quote is marked already.
            if contexts[index].isEmpty, MainContentSelector.marksMachineDate(node) {
                contexts[index] = .machineDate
            }
            hidden[index] = BoilerplateClassifier.isHidden(node)
            if !isFurnitureElement[index] { isFurnitureElement[index] = BoilerplateClassifier.hasFurnitureRole(node) }
            if let ids = node.attribute("aria-controls") {
                controlled.formUnion(ids.split(separator: " ").map(String.init))
            }
        }
        if !controlled.isEmpty {
            for index in withAttributes where hidden[index] {
                hidden[index] = !(nodes[index].attribute("id").map(controlled.contains) ?? false)
            }
        }
        for index in document.elements(named: "a") where MainContentSelector.linksTagPage(nodes[index]) {
            contexts[index].insert(.tagLink)
        }
        for index in document.elements(named: "time") {
            contexts[index] = nodes[index].attribute("datetime") != nil ? .machineDate : []
        }
        self.hints = hints
        self.isFurnitureElement = isFurnitureElement
        self.contexts = contexts
        self.hidden = hidden
        measured = Array(repeating: (0, 0), count: count)
        hasOwnText = Array(repeating: false, count: count)
        var panels: [String: Int] = [:]
        if !controlled.isEmpty {
            for index in withAttributes {
                if let id = nodes[index].attribute("id"), controlled.contains(id) { panels[id] = index }
            }
        }
        self.panels = panels
    }

    /// The roots of the main content, in document order; their subtrees minus ``excluded`` form the text.
    ///
    /// A heading that repeats `title` is left out: the document carries its title separately.
    mutating func select(title: String? = nil) -> [Int] {
        var body = document.firstElement(named: "body") ?? 0
        markNeverContent()
        for index in 1..<nodes.count where nodes[index].isText && !excluded[index] {
            let counts = document.withText(of: index, MainContentSelector.measure)
            // White space alone (most text nodes between tags) is no leftover of a tag, and is not searched.
            guard counts.length > 0 else { continue }
            if isLeakedMarkup(index) {
                excluded[index] = true
                continue
            }
            measured[index] = counts
            hasOwnText[nodes[index].parent] = true
        }
        if let title { excludeHeadings(repeating: title) }
        computeStatistics()
        // libxml2 puts content that comes before a misplaced tag into <head>; then the page is the document.
        if Double(textLength[body]) < 0.5 * Double(textLength[0]) { body = 0 }
        let pageLength = textLength[body]
        let beforeFurnitureRemoval = excluded
        let mainRegion = document.firstElement(named: "main")
        let mainProse = mainRegion.map { goodLength[$0] } ?? 0
        // The statistics describe the page until something goes (on most dense pages of links nothing does).
        if removeUnlikelyCandidates(pageLength: pageLength, furnitureToo: true) { computeStatistics() }
        if let main = mainRegion, mainProse >= MainContentSelector.minimumContentLength, !excluded[main], goodLength[main] == 0 {
            // Every paragraph of the page's main region went with names of furniture (a forum thread in a
            // block named "comments"): the names describe the region's content.
            for position in document.subtree(of: main) where excluded[position] != beforeFurnitureRemoval[position] {
                excluded[position] = false
                if hints[position].unlikely { namedLikeContent.insert(position) }
            }
            computeStatistics()
            removeUnlikelyCandidates(pageLength: pageLength, furnitureToo: false)
            computeStatistics()
        }
        if textLength[body] < min(200, pageLength / 2) || Double(textLength[body]) < 0.1 * Double(pageLength) {
            // Class names describe the content itself here (a forum thread of "comment" blocks).
            excluded = beforeFurnitureRemoval
            removeUnlikelyCandidates(pageLength: pageLength, furnitureToo: false)
            computeStatistics()
        }
        if removeRecommendations(pageLength: pageLength) { computeStatistics() }
        scoreParagraphs()
        var top = topCandidate(body: body)
        if let winner = top, let landmark = furnitureRegion(holding: winner) {
            top = topCandidate(body: body, leavingOut: landmark)
        }
        // Without a single paragraph the page is a list of links (a job board, a catalogue): the links are the content.
        var roots = top.map(withSiblings) ?? [body]
        if roots.count == 1, let root = roots.first, let article = dominantArticle(in: root) { roots = [article] }
        if let article = headlinedArticle(in: roots) { roots = [article] }
        let grid = top == nil ? nil : withListingGrid(roots, body: body)
        roots = grid ?? roots
        let beforeCleaning = excluded
        // A grid's cards are links; only furniture names go from it.
        let namedFurnitureLength = cleanInside(roots, linkLists: goodLength[body] > 0 && grid == nil)
        let chosenLength = roots.reduce(0) { $0 + visibleLength(of: $1) }
        guard roots != [body] else { return unlessFurniture(roots) }
        // The winner holds little of what the page shows once its furniture is gone: the page is a list,
        // a catalogue or a set of cards rather than an article, and its content is the whole remainder.
        // Furniture found by name inside the winner (its comments, its share bar) is gone too.
        let chosenExclusions = excluded
        // Cleaning inside the roots leaves their ancestors, and so the main region, as they were.
        let main = enclosingMain(of: roots, body: body)
        // Only a page without a main region compares its sections with the chosen ones.
        let chosenHeadings = main == nil ? headings(in: roots) : []
        excluded = beforeCleaning
        let remainingLength = visibleLength(of: body) - namedFurnitureLength
        if Double(chosenLength) >= MainContentSelector.minimumShare * Double(remainingLength) && chosenLength >= MainContentSelector.minimumContentLength {
            // Sections of a landing page or a product page each look like an article of their own; when the
            // page marks its main region and the winner is a small part of it, the region is the content.
            if let main, !isArticle(roots, main: main) {
                cleanLandingRegion(main)
                if Double(chosenLength) < MainContentSelector.mainRegionShare * Double(visibleLength(of: main)) { return [main] }
            } else if main == nil, let region = landingRegion(of: roots, body: body) {
                // Without a marked main region, the sections between the page's header and footer play its
                // part, if they add several sections of their own rather than teasers of other pages (whose
                // titles are links).
                region.forEach { cleanLandingRegion($0) }
                let regionLength = region.reduce(0) { $0 + visibleLength(of: $1) }
                let addedSections = headings(in: region, linked: false).subtracting(chosenHeadings).count
                let addedTeasers = headings(in: region, linked: true).subtracting(chosenHeadings).count
                if addedSections >= MainContentSelector.cardCount, addedSections > addedTeasers,
                   Double(chosenLength) < MainContentSelector.mainRegionShare * Double(regionLength) { return region }
            }
            excluded = chosenExclusions
            return roots
        }
        cleanInside([body], linkLists: chosenLength >= MainContentSelector.articleLength || Double(chosenLength) >= MainContentSelector.listingShare * Double(remainingLength))
        if visibleLength(of: body) > chosenLength {
            return unlessFurniture([body])
        }
        excluded = chosenExclusions
        // Too little to be content even on its own: a copyright line or a language list of the footer is a miss.
        return chosenLength < MainContentSelector.minimumContentLength ? unlessFurniture(roots) : roots
    }

    /// The roots, unless what they show lies in the site's furniture (``furnitureOnlyShare``, and less than
    /// ``minimumContentLength`` outside it): a page whose content a script renders ships only its header,
    /// menus and footer, and none of that is its content.
    private func unlessFurniture(_ roots: [Int]) -> [Int] {
        var length = 0
        var furnitureLength = 0
        for root in roots {
            let lengths = visibleLengths(of: root)
            length += lengths.all
            furnitureLength += lengths.inLandmarks
        }
        // However large the menus, a block of content beside them keeps the page.
        let onlyFurniture = Double(furnitureLength) >= MainContentSelector.furnitureOnlyShare * Double(length)
            && length - furnitureLength < MainContentSelector.minimumContentLength
        return length > 0 && onlyFurniture ? [] : roots
    }

    /// Visible characters still included below `root`, and how many of them lie in page landmarks
    /// (``isPageLandmark(_:)``).
    private func visibleLengths(of root: Int) -> (all: Int, inLandmarks: Int) {
        var all = 0
        var inLandmarks = 0
        var landmarkEnd = isInPageLandmark(root) ? document.subtreeEnd(of: root) : root
        forEachIncluded(below: root) { position in
            if nodes[position].isText {
                all += measured[position].length
                if position < landmarkEnd { inLandmarks += measured[position].length }
            } else if position >= landmarkEnd, isPageLandmark(position) {
                landmarkEnd = document.subtreeEnd(of: position)
            }
        }
        return (all, inLandmarks)
    }

    /// The page landmark that holds a winner with paragraphs enough to be content (``outermostPageLandmark(holding:)``):
    /// furniture too large to have gone before scoring, such as a consent dialog or a footer of legal notes.
    /// A small winner there is left to ``unlessFurniture(_:)``.
    private func furnitureRegion(holding winner: Int) -> Int? {
        guard goodLength[winner] >= MainContentSelector.minimumContentLength else { return nil }
        return outermostPageLandmark(holding: winner)
    }

    /// The best candidate once `landmark` is left out, scored anew.
    private mutating func topCandidate(body: Int, leavingOut landmark: Int) -> Int? {
        exclude(subtreeOf: landmark)
        computeStatistics()
        scores = Array(repeating: nil, count: nodes.count)
        scoreParagraphs()
        return topCandidate(body: body)
    }

    /// Roles of the page's own regions (and its dialogs); widget roles such as `tablist` are put on wrappers
    /// of content too.
    private static let regionRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog"]

    /// The outermost page landmark (``isPageLandmark(_:)``) that holds `index` or is `index`, by tag or by
    /// the role of a region.
    private func outermostPageLandmark(holding index: Int) -> Int? {
        var landmark: Int?
        var ancestor = index
        while ancestor > 0 {
            let role = nodes[ancestor].attribute("role")?.lowercased()
            let isRegion = isFurnitureTag[ancestor] || role.map(MainContentSelector.regionRoles.contains) == true
            if isRegion, isPageLandmark(ancestor) { landmark = ancestor }
            ancestor = nodes[ancestor].parent
        }
        return landmark
    }

    /// True if a page landmark (``isPageLandmark(_:)``) holds `index`.
    private func isInPageLandmark(_ index: Int) -> Bool {
        var ancestor = nodes[index].parent
        while ancestor > 0 {
            if isPageLandmark(ancestor) { return true }
            ancestor = nodes[ancestor].parent
        }
        return false
    }

    /// Elements that a header or footer inside them belongs to rather than to the page (as HTML-AAM maps them).
    private static let sectioningTags: Set<String> = ["article", "aside", "main", "nav", "section"]
    /// Elements that only content holds: furniture around one of them is a wrapper or a misparse.
    private static let contentTags: Set<String> = ["main", "article", "h1"]

    /// True for furniture of the page as a whole: `nav`, `aside`, a furniture role, or a `header` or
    /// `footer` outside any article or section. One that holds a `<main>`, an `<article>` or an `<h1>` wraps
    /// the content (or an unclosed tag made libxml2 nest the page in it).
    private func isPageLandmark(_ index: Int) -> Bool {
        guard isFurnitureElement[index] else { return false }
        if nodes[index].name == "header" || nodes[index].name == "footer",
           document.nearestAncestor(of: index, where: { MainContentSelector.sectioningTags.contains($0.name) }) != nil {
            return false
        }
        // Looked up in the lists of elements by name rather than by reading every name below a large landmark.
        return !MainContentSelector.contentTags.contains { document.firstElement(named: $0, within: index) != nil }
    }

    /// The one `<article>` inside `root` that holds a good part of its paragraph text, well ahead of any other
    /// article beside it: a product description among review cards, a story among teasers. Articles nested
    /// in one another (a post inside its thread item) count as one.
    private func dominantArticle(in root: Int) -> Int? {
        let articles = document.elements(named: "article", within: root).filter { $0 > root && !excluded[$0] }
        guard let best = articles.max(by: { goodLength[$0] < goodLength[$1] }), goodLength[best] > 0,
              Double(goodLength[best]) >= MainContentSelector.articleShare * Double(goodLength[root])
        else { return nil }
        let others = articles.filter { !areNested($0, best) }
        let runnerUp = others.map { goodLength[$0] }.max() ?? 0
        return Double(goodLength[best]) >= MainContentSelector.articleLead * Double(runnerUp) ? best : nil
    }

    /// The `<article>` in the roots that holds the page's headline, when other articles stand beside it:
    /// they are teasers of other stories ("You may also like"), each with a paragraph of its own.
    private func headlinedArticle(in roots: [Int]) -> Int? {
        guard let headline, let root = roots.first(where: { document.subtree(of: $0).contains(headline) }) else { return nil }
        let isArticle: (HTMLNode) -> Bool = { $0.name == "article" }
        let nested = document.nearestAncestor(of: headline, after: root, where: isArticle)
        guard let article = nested ?? (isArticle(nodes[root]) ? root : nil),
              goodLength[article] >= MainContentSelector.minimumContentLength
        else { return nil }
        let beside = roots.contains { root in
            document.subtree(of: root).contains { index in isArticle(nodes[index]) && !excluded[index] && !areNested(article, index) }
        }
        return beside ? article : nil
    }

    /// True if one of the two nodes lies in the other's subtree (or they are the same).
    private func areNested(_ first: Int, _ second: Int) -> Bool {
        document.subtree(of: first).contains(second) || document.subtree(of: second).contains(first)
    }

    /// The nearest `<main>` (or `role="main"`) element above the roots, below `body`.
    private func enclosingMain(of roots: [Int], body: Int) -> Int? {
        guard let first = roots.first, let main = document.nearestAncestor(of: first, after: body, where: {
            $0.name == "main" || $0.attribute("role")?.lowercased() == "main"
        }) else { return nil }
        return excluded[main] ? nil : main
    }

    /// The sections of a landing page around the roots, for a page that marks no main region: the roots'
    /// highest ancestor that holds none of the page's own furniture (its header, navigation, footer,
    /// sidebar), together with its siblings up to the nearest furniture on either side, unless they make a
    /// list of links. Each section of such a page looks like a small article of its own.
    private func landingRegion(of roots: [Int], body: Int) -> [Int]? {
        guard var top = roots.first,
              !roots.contains(where: holdsArticle)
        else { return nil }
        while nodes[top].parent > 0, nodes[top].parent != body, !holdsPageFurniture(nodes[top].parent) {
            top = nodes[top].parent
        }
        let siblings = document.children(of: nodes[top].parent).filter { !nodes[$0].isText }
        guard let position = siblings.firstIndex(of: top) else { return nil }
        let isBound: (Int) -> Bool = { isFurniture($0) || holdsPageFurniture($0) }
        let start = siblings[..<position].lastIndex(where: isBound).map { $0 + 1 } ?? siblings.startIndex
        let end = siblings[position...].firstIndex(where: isBound) ?? siblings.endIndex
        guard start <= position, position < end else { return nil }
        let region = siblings[start..<end].filter { !excluded[$0] }
        let text = max(1, region.reduce(0) { $0 + textLength[$1] })
        let links = region.reduce(0) { $0 + linkLength[$1] }
        return Double(links) / Double(text) < MainContentSelector.landingLinkDensity ? region : nil
    }

    /// The titles below the roots that show text: the linked ones (a teaser's title), the others (a section's
    /// title), or with `linked` nil all of them. The lowest levels of heading mostly label a card (its category)
    /// instead.
    private func headings(in roots: [Int], linked: Bool? = nil) -> Set<Int> {
        // Looked up by tag name, not by reading the name of every node below the roots.
        var found = Set<Int>()
        for root in roots {
            for tag in MainContentSelector.titleTags {
                for index in document.elements(named: tag, within: root)
                where !excluded[index] && textLength[index] > 0 && (linked.map { $0 == isLinked(index, below: root) } ?? true) {
                    found.insert(index)
                }
            }
        }
        return found
    }

    /// True for an element whose text is in a link, or that sits in one below `root`.
    private func isLinked(_ index: Int, below root: Int) -> Bool {
        linkLength[index] > 0 || document.nearestAncestor(of: index, after: root, where: { $0.name == "a" }) != nil
    }

    /// True if the subtree holds furniture of the whole page: an element that is furniture by tag, role or
    /// sure name and does not belong to a section or article of its own (whose `<header>` is its heading).
    private func holdsPageFurniture(_ index: Int) -> Bool {
        document.subtree(of: index).contains { inner in
            inner != index && !nodes[inner].isText && isFurniture(inner)
                && document.nearestAncestor(of: inner, after: index, where: { $0.name == "section" || $0.name == "article" }) == nil
        }
    }

    /// True if `root` is an `<article>` element or holds one.
    private func holdsArticle(_ root: Int) -> Bool {
        document.firstElement(named: "article", within: root) != nil
    }

    /// True if the roots hold an `<article>` element, or sit in one that is not one card among several:
    /// then the rest of `main` is what surrounds an article (author box, related stories), not more of it.
    private func isArticle(_ roots: [Int], main: Int) -> Bool {
        guard let first = roots.first else { return false }
        if roots.contains(where: holdsArticle) {
            return true
        }
        guard document.nearestAncestor(of: first, after: main, where: { $0.name == "article" }) != nil else { return false }
        let articles = document.elements(named: "article", within: main).count
        return articles < MainContentSelector.cardCount
    }

    // MARK: Removal of what is never content

    private mutating func markNeverContent() {
        let nodes = document.nodes
        var dropped = [Bool](repeating: false, count: nodes.count)
        for name in BoilerplateClassifier.droppedTags {
            for index in document.elements(named: name) { dropped[index] = true }
        }
        // Fields are read in place: copying a whole node per step retains four buffers.
        for index in 1..<nodes.count {
            if excluded[nodes[index].parent] {
                excluded[index] = true
            } else if dropped[index] {
                // Some forums serve their whole thread inside <noscript> for clients without scripts, and an
                // unclosed <button> or <select> makes libxml2 nest the rest of the page inside it: a large
                // subtree in such an element is content.
                let large = document.subtreeEnd(of: index) - index > 60
                if isDisclosureLabel(index) { continue }
                if !large || BoilerplateClassifier.neverTextTags.contains(nodes[index].name) { excluded[index] = true }
            }
        }
    }

    /// A button that opens a panel of prose (an accordion's question above its answer) and says more than a
    /// word or two: its label is the heading of what it opens. Short labels ("Menu", "More") are controls, and
    /// a button that opens a list of links (a menu, a tree of documentation pages) is navigation.
    ///
    /// A button that names no panel but says whether it is expanded opens the element after it (or after
    /// the heading it sits in).
    private func isDisclosureLabel(_ index: Int) -> Bool {
        guard nodes[index].name == "button" else { return false }
        let ids = nodes[index].attribute("aria-controls")
        guard ids != nil || nodes[index].attribute("aria-expanded") != nil else { return false }
        let label = document.plainText(of: index)
        guard label.count >= MainContentSelector.disclosureLabelLength && label.count <= 200 else { return false }
        if let ids {
            return ids.split(separator: " ").contains { id in panels[String(id)].map(holdsProse) ?? false }
        }
        let parent = nodes[index].parent
        let opener = nextElement(after: index) == nil && parent > 0 ? parent : index
        return nextElement(after: opener).map(holdsProse) ?? false
    }

    /// The first element among the siblings after `index`.
    private func nextElement(after index: Int) -> Int? {
        var sibling = nodes[index].nextSibling
        while sibling != HTMLDocument.none {
            if !nodes[sibling].isText { return sibling }
            sibling = nodes[sibling].nextSibling
        }
        return nil
    }

    /// True if a text below `index`, outside links, is long enough for a paragraph.
    private func holdsProse(_ index: Int) -> Bool {
        document.subtree(of: index).contains { position in
            nodes[position].isText
                && document.withText(of: position, MainContentSelector.measure).length >= MainContentSelector.minimumParagraphLength
                && document.nearestAncestor(of: position, after: index, where: { $0.name == "a" }) == nil
        }
    }

    /// Text that libxml2 left over from a tag it could not parse (see ``BoilerplateClassifier/looksLikeLeakedMarkup(_:)``);
    /// markup quoted in code is content.
    private func isLeakedMarkup(_ index: Int) -> Bool {
        document.withText(of: index, BoilerplateClassifier.looksLikeLeakedMarkup) && !isPreformatted(index)
    }

    private func isPreformatted(_ index: Int) -> Bool {
        document.nearestAncestor(of: index) { BoilerplateClassifier.literalTextTags.contains($0.name) } != nil
    }

    private mutating func excludeHeadings(repeating title: String) {
        // Text longer than any title is not compared (see ``MetadataExtractor/longestComparedTitle``).
        let limit = MetadataExtractor.longestComparedTitle
        guard title.utf8.count <= limit else { return }
        let key = MetadataExtractor.comparable(title)
        guard !key.isEmpty else { return }
        for index in document.elements(named: "h1") where !excluded[index] {
            let heading = document.plainText(of: index)
            if heading.utf8.count <= limit, MetadataExtractor.comparable(heading) == key {
                exclude(subtreeOf: index)
                if headline == nil { headline = index }
            }
        }
    }

    /// Drops furniture elements (`nav`, `aside`, `header`, `footer`) and elements whose class or id names
    /// furniture, unless they hold much of the page's text (a wrapper called `main-header-layout` must not
    /// take the article with it). Returns true if anything went.
    @discardableResult
    private mutating func removeUnlikelyCandidates(pageLength: Int, furnitureToo: Bool) -> Bool {
        var removed = false
        // Pages rendered by script (streamed React, for one) may ship their whole content in a hidden
        // element that a script reveals; only then is hidden text kept. So is a hidden element that holds
        // most of the page's paragraph text (a product description deferred until a script runs).
        let hiddenLength = (1..<nodes.count).reduce(0) { total, index in
            let parentShown = nodes[index].parent == 0 || !hidden[nodes[index].parent]
            return total + (hidden[index] && parentShown && !excluded[index] ? textLength[index] : 0)
        }
        let hidesMostOfPage = Double(hiddenLength) > 0.6 * Double(pageLength)
        let protectedTags: Set<String> = ["html", "body", "article", "main", "a", "table", "tbody", "tr", "td", "th"]
        var index = 1
        while index < nodes.count {
            if excluded[index] || nodes[index].isText {
                index += 1
                continue
            }
            let small = Double(textLength[index]) < 0.4 * Double(pageLength)
            let holdsMostProse = Double(goodLength[index]) > MainContentSelector.hiddenProseShare * Double(goodLength[0])
            if hidden[index] && (small || !hidesMostOfPage) && !holdsMostProse {
                exclude(subtreeOf: index)
                removed = true
                index = document.subtreeEnd(of: index)
                continue
            }
            // A <header> or <nav> that holds most of the page is a wrapper (or a misparse), not furniture.
            if furnitureToo, small, isFurniture(index), !protectedTags.contains(nodes[index].name) {
                exclude(subtreeOf: index)
                removed = true
                index = document.subtreeEnd(of: index)
                continue
            }
            index += 1
        }
        return removed
    }

    /// Drops what a heading announces as suggestions of other things to buy or see ("People who viewed this item
    /// also viewed", "You may also like"): the largest block the heading opens, and the blocks after it up to the
    /// next heading (the carousel after a title bar). Returns true if anything went.
    private mutating func removeRecommendations(pageLength: Int) -> Bool {
        var removed = false
        for name in ["h2", "h3", "h4"] {
            for heading in document.elements(named: name) where !excluded[heading] {
                guard textLength[heading] <= MainContentSelector.recommendationHeadingLength,
                      BoilerplateClassifier.announcesRecommendations(document.plainText(of: heading))
                else { continue }
                let block = blockOpened(by: heading, pageLength: pageLength)
                var next: Int? = block
                while let part = next, part == block || headingCount(in: part, upTo: heading, stoppingAt: 1) == 0 {
                    exclude(subtreeOf: part)
                    next = nextElement(after: part)
                }
                removed = true
            }
        }
        return removed
    }

    /// The largest block that starts with `heading` and holds no other heading, as long as it stays a small
    /// part of the page.
    private func blockOpened(by heading: Int, pageLength: Int) -> Int {
        var block = heading
        while true {
            let parent = nodes[block].parent
            guard parent > 0, nodes[parent].name != "body", firstVisibleChild(of: parent) == block,
                  headingCount(in: parent, upTo: heading, stoppingAt: 2) == 1,
                  Double(textLength[parent]) < MainContentSelector.recommendationShare * Double(pageLength)
            else { return block }
            block = parent
        }
    }

    /// The headings below `index` that show any text and rank with `heading` or above it (the names of the
    /// cards under a title bar, `h3` below an `h2`, belong to its block), counted up to `limit`: the count
    /// stops there, so that blocks nested thousands deep are not walked again for each heading inside.
    private func headingCount(in index: Int, upTo heading: Int, stoppingAt limit: Int) -> Int {
        let rank = nodes[heading].name
        var count = 0
        for position in document.subtree(of: index) where !excluded[position] && textLength[position] > 0 {
            let name = nodes[position].name
            guard name.utf8.count == 2, MainContentSelector.headingTags.contains(name), name <= rank else { continue }
            count += 1
            if count == limit { break }
        }
        return count
    }

    /// The first child of `index` that shows any text.
    private func firstVisibleChild(of index: Int) -> Int? {
        document.children(of: index).first { !excluded[$0] && textLength[$0] > 0 }
    }

    /// Furniture by tag or role (``BoilerplateClassifier/isFurniture(_:)``), or by a name that marks it
    /// so surely that it goes before scoring.
    private func isFurniture(_ index: Int) -> Bool {
        // Elements without class or id have no hints: only their tag can tell.
        isFurnitureElement[index]
            || (hints[index].unlikely && !hints[index].positive && !isContentDespiteName(index))
    }

    /// True for an element whose furniture name does not count: a main-content marker, a part of a disclosure
    /// widget, an embedded post.
    private func isContentDespiteName(_ index: Int) -> Bool {
        BoilerplateClassifier.isMainMarker(nodes[index]) || BoilerplateClassifier.namesDisclosure(nodes[index])
            || isEmbeddedQuote(index) || namedLikeContent.contains(index)
    }

    private mutating func exclude(subtreeOf index: Int) {
        for position in index..<document.subtreeEnd(of: index) { excluded[position] = true }
    }

    // MARK: Statistics

    /// What an element makes of the text below it, for the statistics: one bit each, so that one pass hands
    /// all of them down the tree at once.
    private struct TextContext: OptionSet {
        let rawValue: UInt8
        /// An `<a>`.
        static let link = TextContext(rawValue: 1)
        /// A `<blockquote>`.
        static let quote = TextContext(rawValue: 2)
        /// A date marked for machines: `<time datetime>` or `itemprop="datePublished"`. A `<time>` without
        /// a machine-readable date is a delivery window or an opening hour, not a dateline.
        static let machineDate = TextContext(rawValue: 4)
        /// A link to a tag page (`rel="tag"`).
        static let tagLink = TextContext(rawValue: 8)
    }

    /// True for a link to a tag page (`rel="tag"`).
    private static func linksTagPage(_ node: HTMLNode) -> Bool {
        !node.attributes.isEmpty && node.attribute("rel")?.hasWord("tag") == true
    }

    /// True for an element other than a link or a `<time>` whose `itemprop` marks a date for machines.
    private static func marksMachineDate(_ node: HTMLNode) -> Bool {
        let property = node.attribute("itemprop")?.lowercased()
        return property == "datepublished" || property == "datemodified"
    }

    /// Counts the text below each node that is still included (``excluded``), in two passes: one down the
    /// tree that hands each node's context (``TextContext``) and nearest block to its children and counts the
    /// text nodes, one up the tree that sums.
    private mutating func computeStatistics() {
        let nodes = document.nodes
        let count = nodes.count
        for index in 0..<count {
            textLength[index] = 0
            linkLength[index] = 0
            commas[index] = 0
            quotedLength[index] = 0
            timeLength[index] = 0
            tagLinkLength[index] = 0
            directLength[index] = 0
            directLinkLength[index] = 0
            directCommas[index] = 0
            goodLength[index] = 0
        }
        // Top-down: the contexts a node sits in (inside a link, a quote...), and its nearest block ancestor.
        // A parent comes before its children, so a text node's context and block are known when it is met.
        var inside = [TextContext](repeating: [], count: count)
        var block = [Int](repeating: 0, count: count)
        for index in 1..<count where !excluded[index] {
            let parent = nodes[index].parent
            let context = inside[parent].union(contexts[parent])
            inside[index] = context
            let nearestBlock = nodes[parent].isInline ? block[parent] : parent
            block[index] = nearestBlock
            guard nodes[index].isText else { continue }
            let (length, commaCount) = measured[index]
            textLength[index] = length
            commas[index] = commaCount
            if context.contains(.link) { linkLength[index] = length }
            if context.contains(.quote) { quotedLength[index] = length }
            if context.contains(.machineDate) { timeLength[index] = length }
            if context.contains(.tagLink) { tagLinkLength[index] = length }
            directLength[nearestBlock] += length
            directCommas[nearestBlock] += commaCount
            if context.contains(.link) { directLinkLength[nearestBlock] += length }
        }
        // Bottom-up sums: children come after parents in the array. A node's own paragraph text joins its
        // children's before it is handed to its parent.
        for index in stride(from: count - 1, through: 0, by: -1) {
            let own = directLength[index] - directLinkLength[index]
            if own >= MainContentSelector.minimumParagraphLength && directLinkLength[index] * 2 < directLength[index] {
                goodLength[index] += own
            }
            guard index > 0, !excluded[index] else { continue }
            let parent = nodes[index].parent
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            commas[parent] += commas[index]
            quotedLength[parent] += quotedLength[index]
            timeLength[parent] += timeLength[index]
            tagLinkLength[parent] += tagLinkLength[index]
            goodLength[parent] += goodLength[index]
        }
    }

    /// Visible characters and commas of UTF-8 text.
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, commas: Int) {
        // A scalar is counted at its lead byte; continuation bytes (10xxxxxx) are skipped.
        var length = 0
        var commaCount = 0
        var position = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while position < count {
            // Eight ASCII bytes at once (most text): every byte is below 0x80, so adding 0x5F sets the high bit
            // of exactly the bytes above 0x20, and a comma is a byte that is zero after `^ 0x2C`; no carry
            // crosses bytes in either sum.
            if position + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if word & highBits == 0 {
                    length += ((word &+ 0x5F &* ones) & highBits).nonzeroBitCount
                    let commaBytes = word ^ (0x2C &* ones)
                    commaCount += (~((commaBytes &+ 0x7F &* ones) | commaBytes) & highBits).nonzeroBitCount
                    position += 8
                    continue
                }
            }
            let byte = bytes[position]
            if byte < 0x80 {
                if byte > 0x20 {
                    length += 1
                    if byte == 0x2C { commaCount += 1 }
                }
                position += 1
                continue
            }
            if byte & 0xC0 == 0x80 {
                position += 1
                continue
            }
            let space = WhiteSpace.length(in: bytes, at: position)
            if space > 0 {
                position += space
                continue
            }
            length += 1
            // U+060C, U+3001 and U+FF0C: the Arabic, ideographic and full-width commas.
            if (byte == 0xD8 && position + 1 < count && bytes[position + 1] == 0x8C)
                || (byte == 0xE3 && position + 2 < count && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x81)
                || (byte == 0xEF && position + 2 < count && bytes[position + 1] == 0xBC && bytes[position + 2] == 0x8C) {
                commaCount += 1
            }
            position += 1
        }
        return (length, commaCount)
    }

    private func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }

    /// Visible characters that are still included below `index`.
    private func visibleLength(of index: Int) -> Int {
        var total = 0
        forEachIncluded(below: index) { position in
            if nodes[position].isText { total += measured[position].length }
        }
        return total
    }

    /// Calls `visit` with `root` and every node below it that is still included, in document order.
    @inline(__always)
    private func forEachIncluded(below root: Int, _ visit: (Int) -> Void) {
        var position = root
        let end = document.subtreeEnd(of: root)
        while position < end {
            if excluded[position] {
                position = document.subtreeEnd(of: position)
                continue
            }
            visit(position)
            position += 1
        }
    }

    // MARK: Scoring

    private static let paragraphTags: Set<String> = [
        "p", "pre", "td", "li", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "th",
    ]

    private static func tagBase(_ name: String) -> Double {
        switch name {
        case "article": return 10
        case "div", "main", "section": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    private mutating func initialScore(_ index: Int) {
        guard scores[index] == nil else { return }
        let node = nodes[index]
        scores[index] = MainContentSelector.tagBase(node.name) + hints[index].weight
    }

    private mutating func scoreParagraphs() {
        for index in 1..<nodes.count where !excluded[index] && !nodes[index].isText {
            let ownText = directLength[index] - directLinkLength[index]
            guard ownText >= MainContentSelector.minimumParagraphLength else { continue }
            let contentScore = 1 + Double(directCommas[index]) + min(Double(directLength[index] / 100), 3)
            if !MainContentSelector.paragraphTags.contains(nodes[index].name), nodes[index].name != "body" {
                // A container holding text directly (text and <br> in a div) is its own paragraph and candidate.
                initialScore(index)
                scores[index]? += contentScore
            }
            var ancestor = nodes[index].parent
            var level = 0
            while ancestor > 0 && level < 3 {
                if nodes[ancestor].name == "html" || nodes[ancestor].name == "body" { break }
                initialScore(ancestor)
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[ancestor]? += contentScore / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
    }

    private func finalScore(_ index: Int) -> Double {
        (scores[index] ?? 0) * (1 - linkDensity(index))
    }

    private func topCandidate(body: Int) -> Int? {
        var best: Int?
        var bestScore = -Double.infinity
        for index in 1..<nodes.count where scores[index] != nil && !excluded[index] {
            let score = finalScore(index)
            if score > bestScore {
                bestScore = score
                best = index
            }
        }
        guard var top = best else { return nil }
        // Climb while an ancestor scores higher: the article often spreads over several containers.
        var lastScore = finalScore(top)
        let threshold = lastScore / 3
        var parent = nodes[top].parent
        while parent > 0 && parent != body {
            if scores[parent] == nil {
                parent = nodes[parent].parent
                continue
            }
            let parentScore = finalScore(parent)
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = nodes[parent].parent
        }
        // Articles split into many sections leave each section a small score; climb while an ancestor
        // holds clearly more paragraph text without turning into a list of links.
        var ancestor = nodes[top].parent
        while ancestor > 0, ancestor != body {
            let gained = goodLength[ancestor] - goodLength[top]
            // Teaser lists add paragraphs too, but each comes with a linked headline.
            let addedText = max(1, textLength[ancestor] - textLength[top])
            let addedLinkDensity = Double(linkLength[ancestor] - linkLength[top]) / Double(addedText)
            if Double(gained) > MainContentSelector.climbRatio * Double(goodLength[top]), linkDensity(ancestor) < 0.35,
               addedLinkDensity < MainContentSelector.climbLinkDensity {
                top = ancestor
            }
            ancestor = nodes[ancestor].parent
        }
        // A lone child adds nothing of its own: its parent holds the same content plus any captions.
        while nodes[top].parent > 0, nodes[top].parent != body,
              elementChildren(of: nodes[top].parent).count == 1 {
            top = nodes[top].parent
        }
        return top
    }

    private func elementChildren(of index: Int) -> [Int] {
        document.children(of: index).filter { !excluded[$0] && !nodes[$0].isText }
    }

    /// The top candidate and the siblings that look like more of the same article.
    private func withSiblings(_ top: Int) -> [Int] {
        let parent = nodes[top].parent
        guard parent > 0 else { return [top] }
        let topScore = finalScore(top)
        let threshold = max(10, topScore * 0.2)
        let topClass = nodes[top].attribute("class") ?? ""
        var roots: [Int] = []
        let siblings = elementChildren(of: parent)
        for sibling in siblings {
            if sibling == top {
                roots.append(sibling)
                continue
            }
            // A sibling named like furniture ("footer-content", "author-profile", "comments-body") holds
            // paragraphs of its own: an about box, a bio, the comments.
            if isFurnitureSibling(sibling) { continue }
            var bonus = 0.0
            if !topClass.isEmpty, nodes[sibling].attribute("class") == topClass { bonus = topScore * 0.2 }
            if scores[sibling] != nil, finalScore(sibling) + bonus >= threshold {
                roots.append(sibling)
                continue
            }
            // A section too deeply nested for its paragraphs to score it still holds prose of its own.
            if !hints[sibling].negative, linkDensity(sibling) < MainContentSelector.siblingLinkDensity,
               goodLength[sibling] >= MainContentSelector.minimumParagraphLength,
               Double(goodLength[sibling]) >= MainContentSelector.siblingProseShare * Double(goodLength[top]) {
                roots.append(sibling)
                continue
            }
            let isParagraph = nodes[sibling].name == "p" || directLength[sibling] >= MainContentSelector.minimumParagraphLength
            guard isParagraph else { continue }
            let length = textLength[sibling]
            let density = linkDensity(sibling)
            if length > 80 && density < MainContentSelector.siblingLinkDensity {
                roots.append(sibling)
            } else if length > 0, length <= 80, density == 0,
                      document.plainText(of: sibling).range(of: #"\.( |$)"#, options: .regularExpression) != nil {
                roots.append(sibling)
            }
        }
        return withGapsFilled(roots, siblings: siblings)
    }

    /// True for a sibling of the winner whose name marks furniture.
    private func isFurnitureSibling(_ sibling: Int) -> Bool {
        hints[sibling].negative && !isContentDespiteName(sibling)
    }

    /// The roots plus the siblings between two of them that are neither link lists nor named as furniture:
    /// headings, code and lists between paragraphs of the article belong to it.
    private func withGapsFilled(_ roots: [Int], siblings: [Int]) -> [Int] {
        guard roots.count > 1, let first = roots.first, let last = roots.last else { return roots }
        let joined = Set(roots)
        return siblings.filter { sibling in
            guard sibling >= first && sibling <= last else { return false }
            return joined.contains(sibling)
                || (!hints[sibling].negative && linkDensity(sibling) < MainContentSelector.climbLinkDensity)
        }
    }

    // MARK: Cleaning inside the chosen content

    private static let conditionallyCleaned: Set<String> = [
        "div", "section", "ul", "ol", "dl", "table", "form", "center", "figure", "span", "aside", "details",
    ]

    /// Removes furniture nested inside the content: blocks named like furniture, and link lists.
    ///
    /// With `linkLists` false only furniture names count: on a listing page the links are the content.
    /// Names that leave next to nothing of a root, taking several blocks, describe the content itself (a
    /// forum thread whose posts are all named "comment"): then only link lists go. Link lists that make up
    /// most of a root named as the content are the content (an index page): then only names count.
    /// Returns the characters removed for their names.
    @discardableResult
    private mutating func cleanInside(_ roots: [Int], linkLists: Bool = true, weakNames: Bool = true) -> Int {
        var namedLength = 0
        for root in roots {
            let subtree = document.subtree(of: root)
            let before = excluded[subtree]
            let removedByName = removeInside(root, linkLists: linkLists, names: true, weakNames: weakNames)
            let kept = visibleLength(of: root)
            if removedByName.blocks >= 3, Double(removedByName.length) > 0.5 * Double(textLength[root]),
               kept < MainContentSelector.minimumContentLength {
                excluded.replaceSubrange(subtree, with: before)
                removeInside(root, linkLists: linkLists, names: false)
            } else if linkLists, nodes[root].name != "body",
                      hints[root].positive || BoilerplateClassifier.isMainMarker(nodes[root]),
                      Double(textLength[root] - removedByName.length - kept) > 0.7 * Double(textLength[root]) {
                excluded.replaceSubrange(subtree, with: before)
                namedLength += removeInside(root, linkLists: false, names: true, weakNames: weakNames).length
            } else {
                namedLength += removedByName.length
            }
        }
        return namedLength
    }

    /// Removes furniture below `root`; returns the blocks and characters removed for their names.
    /// With `weakNames` false only names that mark furniture surely (``BoilerplateClassifier/unlikelyFragments``) count.
    @discardableResult
    private mutating func removeInside(_ root: Int, linkLists: Bool, names: Bool, weakNames: Bool = true) -> (blocks: Int, length: Int) {
        let rootLength = max(1, textLength[root])
        var removedByName = (blocks: 0, length: 0)
        var index = root + 1
        let end = document.subtreeEnd(of: root)
        let itemParts = names ? repeatedFurnitureNames(in: root) : []
        if linkLists { excludeTeaserLists(in: root) }
        while index < end {
            if excluded[index] || nodes[index].isText {
                index += 1
                continue
            }
            let named = names && (weakNames || hints[index].unlikely || namesFinePrint(index))
                && isNamedFurniture(index, rootLength: rootLength)
                && !itemParts.contains(nodes[index].classAndID)
            if named || (linkLists && isLinkList(index, rootLength: rootLength))
                || isDateline(index) || isTagList(index)
                || isAdLabel(index) {
                if named {
                    removedByName.blocks += 1
                    removedByName.length += textLength[index]
                }
                exclude(subtreeOf: index)
                index = document.subtreeEnd(of: index)
                continue
            }
            index += 1
        }
        return removedByName
    }

    /// Cleans the main region of a landing page or a product page, whose sections often carry weak furniture
    /// words as names of the page's own parts (a `teaser` of a feature, a `carousel` of testimonials, a `slider`
    /// of product views): only names that mark furniture surely, and link lists, go.
    private mutating func cleanLandingRegion(_ main: Int) {
        cleanInside([main], weakNames: false)
    }

    /// True if the class or id names the fine print every page of a site repeats, landing page or not: its
    /// legal notice, its copyright line.
    private func namesFinePrint(_ index: Int) -> Bool {
        hints[index].negative
            && BoilerplateClassifier.nameWords(nodes[index]).contains { BoilerplateClassifier.finePrintWords.contains(String($0)) }
    }

    /// For each node below `root` (by its offset from `root`), the headings below it whose whole text is a link:
    /// the titles of teasers.
    private func linkedHeadingCounts(in root: Int) -> [Int] {
        let end = document.subtreeEnd(of: root)
        var counts = [Int](repeating: 0, count: end - root)
        for index in stride(from: end - 1, to: root, by: -1) where !excluded[index] {
            // The counts first: they rule out most nodes without hashing a tag name.
            if textLength[index] > 0, linkLength[index] == textLength[index],
               MainContentSelector.headingTags.contains(nodes[index].name) {
                counts[index - root] += 1
            }
            counts[nodes[index].parent - root] += counts[index - root]
        }
        return counts
    }

    /// Removes the lists of teasers of other pages below `root` (``isTeaserList(_:titles:root:)``) when the
    /// root is an article around them: its own prose outweighs them all by ``teaserProseLead`` times. Their
    /// excerpts make them look like prose, so the link share misses them. On a page that is a set of such
    /// lists, the lists are what it shows, and stay.
    private mutating func excludeTeaserLists(in root: Int) {
        let titles = linkedHeadingCounts(in: root)
        var lists: [Int] = []
        var index = root + 1
        let end = document.subtreeEnd(of: root)
        while index < end {
            if !excluded[index], !nodes[index].isText, isTeaserList(index, titles: titles, root: root) {
                lists.append(index)
                index = document.subtreeEnd(of: index)
                continue
            }
            index += 1
        }
        let listed = lists.reduce(0) { $0 + textLength[$1] }
        let prose = goodLength[root] - lists.reduce(0) { $0 + goodLength[$1] }
        guard listed > 0, prose >= MainContentSelector.teaserProseLead * listed else { return }
        for list in lists { exclude(subtreeOf: list) }
    }

    /// True for a list of teasers: at least ``teaserCount`` items, nearly all of them a short block under
    /// one linked title ("Recent posts", "More from the blog" with an excerpt under each title).
    private func isTeaserList(_ index: Int, titles: [Int], root: Int) -> Bool {
        guard titles[index - root] >= MainContentSelector.teaserCount else { return false }
        let items = elementChildren(of: index)
        guard items.count >= MainContentSelector.teaserCount else { return false }
        let teasers = items.count { item in
            titles[item - root] == 1 && textLength[item] <= MainContentSelector.teaserLength
        }
        return Double(teasers) >= MainContentSelector.teaserItemShare * Double(items.count)
    }

    /// Weak furniture names that at least ``itemPartCount`` elements below `root` share, each with a line of
    /// text of its own: each names a part of every item of a list (the `meta` block under each entry of an
    /// index), which is content of the list. Short labels repeated per item ("Star", "538 views") stay out,
    /// and so do the credit lines of an article's pictures, repeated per figure.
    private func repeatedFurnitureNames(in root: Int) -> Set<String> {
        var counts: [String: Int] = [:]
        for index in root + 1..<document.subtreeEnd(of: root)
        where hints[index].negative && !hints[index].unlikely && !excluded[index]
            && textLength[index] >= MainContentSelector.minimumParagraphLength
            && document.nearestAncestor(of: index, after: root, where: { $0.name == "figure" }) == nil {
            counts[nodes[index].classAndID, default: 0] += 1
        }
        return Set(counts.filter { $0.value >= MainContentSelector.itemPartCount }.keys)
    }

    /// Furniture names inside the content mark share bars, author boxes and the like; a "widget" that
    /// holds most of the content is the content's own wrapper.
    private func isNamedFurniture(_ index: Int, rootLength: Int) -> Bool {
        // Without a furniture name (most elements) nothing below holds, and the tag name is not hashed.
        guard hints[index].negative else { return false }
        // A paragraph of prose is content whatever its name (`contextmenu-body`, `adv-heading`): bylines,
        // copyright lines and "read more" lines are short.
        if nodes[index].name == "p", goodLength[index] >= MainContentSelector.proseParagraphLength { return false }
        // Rows and cells carry styling names (`font-utility-2`); a table goes, if at all, as a whole.
        if MainContentSelector.tableParts.contains(nodes[index].name) { return false }
        let limit = hints[index].positive ? 0.3 : 0.6
        return Double(textLength[index]) < limit * Double(rootLength)
            && !isContentDespiteName(index)
    }

    /// True for a short block that is mostly a machine-marked date (``TextContext/machineDate``): "Updated 5:27 am,
    /// November 20, 2019" above or below the story says when it was written, which the document carries as its date.
    /// An inline one counts only on a line of its own: `<span><time>` inside a sentence is part of it.
    private func isDateline(_ index: Int) -> Bool {
        guard timeLength[index] > 0, textLength[index] <= MainContentSelector.datelineLength,
              Double(timeLength[index]) >= MainContentSelector.datelineTimeShare * Double(textLength[index])
        else { return false }
        return !isInSentence(index)
    }

    /// True for a short block that only says an advertisement stands there ("Advertisement", "Advertisement -
    /// Page continues below"): the ad itself is gone, its label is no text of the story.
    private func isAdLabel(_ index: Int) -> Bool {
        guard textLength[index] > 0, textLength[index] <= MainContentSelector.adLabelLength, !nodes[index].isInline,
              mayStartWithAdLabel(index),
              let textBytes = textBytes(below: index, limit: MainContentSelector.adLabelBytes),
              mayHoldAdLabel(index, textBytes: textBytes)
        else { return false }
        let words = document.plainText(of: index).lowercased().split { !$0.isLetter }
        guard let first = words.first else { return false }
        return words.count == 1 ? MainContentSelector.adLabels.contains(String(first)) : first == "advertisement"
    }

    /// The labels of ``adLabels`` as bytes.
    private static let adLabelWords: [[UInt8]] = adLabels.map { Array($0.utf8) }

    /// False if the first word of the text below `index` is none of ``adLabels``, as ``isAdLabel(_:)`` requires,
    /// told from its ASCII letters: blocks of short items ("Item 12", "Home") are settled on their first word
    /// without the copy and search of ``mayHoldAdLabel(_:textBytes:)``.
    ///
    /// ASCII letters lower to the same letters, and every other ASCII byte parts words. A word that meets a
    /// byte outside ASCII, or starts with one, is left to the full check; so is a word that ends with its
    /// text node (the next text may go on with it), unless no label starts with it.
    private func mayStartWithAdLabel(_ index: Int) -> Bool {
        for position in document.subtree(of: index) where nodes[position].isText {
            let verdict = document.withText(of: position) { bytes -> Bool? in
                // Without a letter here the first word is in a later text, if any.
                guard let start = bytes.firstIndex(where: { $0 >= 0x80 || $0.isASCIILetter }) else { return nil }
                guard bytes[start] < 0x80 else { return true }
                var end = start + 1
                while end < bytes.count && bytes[end].isASCIILetter { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard end < bytes.count else { return MainContentSelector.isAdLabelStart(word, whole: false) }
                return bytes[end] >= 0x80 || MainContentSelector.isAdLabelStart(word, whole: true)
            }
            if let verdict { return verdict }
        }
        // No word at all.
        return false
    }

    /// True if a label of ``adLabels`` starts with the ASCII letters `word` in some case, or with `whole` is them.
    private static func isAdLabelStart(_ word: UnsafeBufferPointer<UInt8>, whole: Bool) -> Bool {
        adLabelWords.contains { label in
            (whole ? label.count == word.count : label.count >= word.count)
                && word.indices.allSatisfy { label[$0] == word[$0].asciiLowercased }
        }
    }

    /// The bytes of the text nodes below `index`, shown or not, or nil if they are more than `limit`: such a
    /// block is no label, and reading all its text for each block around it would cost time on the square
    /// of the page's size (a few visible words beside a hidden text of hundreds of kilobytes).
    private func textBytes(below index: Int, limit: Int) -> Int? {
        var bytes = 0
        for position in document.subtree(of: index) where nodes[position].isText {
            bytes += nodes[position].textRange.count
            if bytes > limit { return nil }
        }
        return bytes
    }

    /// The ASCII beginnings of the labels of ``adLabels`` that have one ("publicit" of "publicité").
    private static let adLabelStems = FragmentSet(adLabels.map { String(decoding: $0.utf8.prefix { $0 < 0x80 }, as: UTF8.self) })

    /// False if no word of the text below `index` (`textBytes` bytes, ``textBytes(below:limit:)``) can be one
    /// of ``adLabels``: a byte scan that spares most short blocks the Unicode lowercasing and splitting of
    /// ``isAdLabel(_:)``.
    ///
    /// Only ASCII letters and the Kelvin sign (U+212A, lowered to "k") lower to ASCII letters, so a label's
    /// lowered word comes from text that holds its ASCII beginning in some case. Text with Cyrillic (the
    /// beginning of "реклама" is not ASCII) or a Kelvin sign is left to the full check.
    private func mayHoldAdLabel(_ index: Int, textBytes: Int) -> Bool {
        // The text is short (a label is at most ``adLabelBytes``): it is lowered into room on the stack
        // rather than into an array, whose allocation cost more than the search on pages of thousands of
        // short list items.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: textBytes) { lowered in
            var count = 0
            for position in document.subtree(of: index) where nodes[position].isText {
                let undecided = document.withText(of: position) { bytes in
                    for offset in bytes.indices {
                        let byte = bytes[offset]
                        // 0xD0 and 0xD1 lead the Cyrillic letters; E2 84 AA is the Kelvin sign.
                        if byte == 0xD0 || byte == 0xD1 { return true }
                        if byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x84, bytes[offset + 2] == 0xAA { return true }
                        lowered[count] = byte.asciiLowercased
                        count += 1
                    }
                    return false
                }
                if undecided { return true }
            }
            return MainContentSelector.adLabelStems.occurs(in: UnsafeBufferPointer(rebasing: lowered[..<count]))
        }
    }

    /// True for a block made mostly of links to tag pages: the story's keywords, not its text.
    private func isTagList(_ index: Int) -> Bool {
        tagLinkLength[index] > 0 && Double(tagLinkLength[index]) >= MainContentSelector.tagListShare * Double(textLength[index])
    }

    /// True for an embed whose text is mostly quoted: a post from a social network that the article embeds
    /// (`<div class="social-embed"><blockquote>...`) is a quotation, not a share bar.
    private func isEmbeddedQuote(_ index: Int) -> Bool {
        textLength[index] > 0 && textLength[index] <= MainContentSelector.embeddedQuoteLength
            && WhiteSpace.occurs("embed", in: nodes[index].classAndID)
            && Double(quotedLength[index]) > MainContentSelector.embeddedQuoteShare * Double(textLength[index])
    }

    /// True for an inline element with text of its own beside it: `<span><a>` within a sentence is a
    /// link of the sentence, not a row of links.
    private func isInSentence(_ index: Int) -> Bool {
        nodes[index].isInline && hasOwnText[nodes[index].parent]
    }

    /// Blocks inside the content that are mostly links: link rows, "Read more" paragraphs, tag lists.
    private func isLinkList(_ index: Int, rootLength: Int) -> Bool {
        // Without link text no rule below holds; most blocks have none, and are settled before their tag is hashed.
        guard linkLength[index] > 0 else { return false }
        let name = nodes[index].name
        let length = textLength[index]
        guard MainContentSelector.conditionallyCleaned.contains(name) || name == "p" else { return false }
        let density = linkDensity(index)
        if name == "p" {
            // A paragraph that is nothing but a link ("Read more", "See also: ...") is navigation.
            return length > 0 && density > 0.8 && length < 200
        }
        if commas[index] >= 10 || isEmbeddedQuote(index) || isInSentence(index) { return false }
        let weight = hints[index].weight
        if length < 25 && linkLength[index] > 0 { return true }
        // A block holding most of the content is the content's own wrapper: only a clear link list goes.
        let limit = Double(length) > 0.6 * Double(rootLength) ? 0.6 : (weight >= 25 ? 0.5 : 0.3)
        if density > limit { return true }
        return false
    }
}

// MARK: Listing grids

extension MainContentSelector {
    /// Same-shaped items side by side in one container: the products of a catalogue page, the entries of a listing.
    struct Grid {
        let container: Int
        /// Visible characters of the items.
        let length: Int
    }

    /// From this many same-shaped items up, a container is a grid.
    static let gridItemCount = 4
    /// The fewest visible characters of a grid item.
    static let gridItemMinimumLength = 10
    /// Tags that a grid item can have: cards and list items, not paragraphs.
    static let gridItemTags: Set<String> = ["div", "li", "article", "section", "a", "figure"]
    /// The largest share of a grid's text that one of its items may hold.
    static let gridItemShare = 0.5
    /// The most links with text in one card: a column of a site map has more.
    static let gridItemLinks = 3
    /// The least text outside links that a card with several links shows (a price, a summary); a rank
    /// number beside a headline is less.
    static let gridItemOwnText = 3
    /// The most characters between an introduction and the grid after it.
    static let gridGapLength = 200

    /// The roots with the page's largest grid taken into account, or nil to keep them.
    ///
    /// A catalogue page shows its items as a grid of cards, each a linked name with a price or a line of
    /// description, and no paragraph of them scores; the prose that wins instead is a buying guide or a FAQ
    /// below the grid, an introduction above it, or one card's longer text. The grid joins a short
    /// introduction just before it, and replaces a winner that lies inside it. An article's teasers
    /// ("More stories") come after it too, but an article is longer than an introduction.
    func withListingGrid(_ roots: [Int], body: Int) -> [Int]? {
        guard let first = roots.first, let last = roots.last, let grid = largestGrid(in: body) else { return nil }
        let container = grid.container
        if roots.contains(where: { document.subtree(of: $0).contains(container) }) { return nil }
        if roots.allSatisfy({ document.subtree(of: container).contains($0) }) {
            return isMinorItem(holding: first, of: grid) ? [container] : nil
        }
        let chosen = roots.reduce(0) { $0 + textLength[$1] }
        guard container > last, chosen < MainContentSelector.articleLength, grid.length >= chosen,
              visibleLength(in: document.subtreeEnd(of: last)..<container) <= MainContentSelector.gridGapLength
        else { return nil }
        return roots + [container]
    }

    /// True if the child of the grid's container that holds `index` is one card among others, not an
    /// article that happens to stand in a row of same-shaped blocks.
    private func isMinorItem(holding index: Int, of grid: Grid) -> Bool {
        var holder = index
        while holder > 0 && nodes[holder].parent != grid.container { holder = nodes[holder].parent }
        return holder > 0 && Double(textLength[holder]) < MainContentSelector.gridItemShare * Double(grid.length)
    }

    /// The grid whose items hold the most text below `root`; a container named like furniture (a menu, a
    /// carousel of teasers) is none.
    private func largestGrid(in root: Int) -> Grid? {
        // Counted for the first container with enough items that may be cards, if any: on a page of short
        // links none has, and the page's shapes are not counted at all.
        var shapes: [(pieces: Int, links: Int)] = []
        var best: Grid?
        // Items of at least ``gridItemMinimumLength`` characters each, with a link each: a container with
        // less text or no link (most elements) is no grid, and its children are not looked at.
        let leastLength = MainContentSelector.gridItemCount * MainContentSelector.gridItemMinimumLength
        for parent in document.subtree(of: root)
        where textLength[parent] >= leastLength && linkLength[parent] >= MainContentSelector.gridItemCount
            && !excluded[parent] && !nodes[parent].isText && !hints[parent].negative {
            var items: [Int] = []
            var child = nodes[parent].firstChild
            while child != HTMLDocument.none {
                if mayBeGridItem(child) { items.append(child) }
                child = nodes[child].nextSibling
            }
            guard items.count >= MainContentSelector.gridItemCount else { continue }
            if shapes.isEmpty { shapes = cardShapes(below: root) }
            items.removeAll { !isGridItem($0, shape: shapes[$0 - root]) }
            guard items.count >= MainContentSelector.gridItemCount else { continue }
            var groups: [String: (count: Int, length: Int)] = [:]
            for item in items {
                let signature = nodes[item].name + " " + (nodes[item].attribute("class")?.split(separator: " ").first ?? "")
                groups[signature, default: (0, 0)].count += 1
                groups[signature, default: (0, 0)].length += textLength[item]
            }
            for group in groups.values where group.count >= MainContentSelector.gridItemCount && group.length > best?.length ?? 0 {
                best = Grid(container: parent, length: group.length)
            }
        }
        return best
    }

    /// Pieces of text and links with text below each node from `root` on (indexed from `root`), summed
    /// bottom-up in one pass.
    private func cardShapes(below root: Int) -> [(pieces: Int, links: Int)] {
        let range = document.subtree(of: root)
        var shapes = [(pieces: Int, links: Int)](repeating: (0, 0), count: range.count)
        for index in range.reversed() where !excluded[index] {
            if nodes[index].isText, measured[index].length > 0 { shapes[index - root].pieces += 1 }
            if isLink[index], textLength[index] > 0 { shapes[index - root].links += 1 }
            let parent = nodes[index].parent
            if index > root, parent >= root {
                shapes[parent - root].pieces += shapes[index - root].pieces
                shapes[parent - root].links += shapes[index - root].links
            }
        }
        return shapes
    }

    /// True for a card: an element that links somewhere and shows at least two pieces of text (a name and
    /// a price, a title and a summary). A menu entry is one link alone, or a heading over many links.
    private func isGridItem(_ index: Int, shape: (pieces: Int, links: Int)) -> Bool {
        // The counts before the tag: they rule out most nodes without hashing a tag name.
        guard mayBeGridItem(index), shape.pieces >= 2, shape.links <= MainContentSelector.gridItemLinks,
              MainContentSelector.gridItemTags.contains(nodes[index].name)
        else { return false }
        let ownText = textLength[index] - linkLength[index]
        return ownText >= MainContentSelector.gridItemOwnText || (shape.links == 1 && ownText == 0)
    }

    /// False for a node that cannot be a card whatever its shape (``isGridItem(_:shape:)``): left out, without
    /// a link, or too short.
    private func mayBeGridItem(_ index: Int) -> Bool {
        !excluded[index] && linkLength[index] > 0 && textLength[index] >= MainContentSelector.gridItemMinimumLength
    }

    /// Visible characters of the text nodes in `range` that are still included.
    private func visibleLength(in range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (nodes[$1].isText && !excluded[$1] ? measured[$1].length : 0) }
    }
}
