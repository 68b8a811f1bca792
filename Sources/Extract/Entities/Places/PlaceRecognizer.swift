/// Finds countries, regions and cities: names from the gazetteer, and unknown names that the words
/// around them call a place ("the village of Shilikti", "the Xinjiang region").
struct PlaceRecognizer: Sendable {
    let gazetteer: PlaceGazetteer
    let names: NameLists

    /// Nouns a place name often modifies ("the Hong Kong government"), taking the article with them.
    private static let modifiedNouns: Set<String> = [
        "government", "police", "authorities", "army", "military", "economy", "people", "citizens", "officials",
        "embassy", "border", "capital", "team", "media", "market", "area", "region", "province", "state", "city",
        "case", "crisis", "issue", "side", "delegation", "regime", "leadership", "administration", "protests",
        "election", "elections", "court", "courts", "forces", "troops", "company", "companies", "office", "leader",
        "leaders", "minister", "ministry", "president", "budget", "industry", "talks", "visit", "residents", "voters",
    ]

    /// "legislative", "economic", "national": a lower-case word with an adjective's ending.
    private static func isAdjective(_ token: Token) -> Bool {
        token.lower.count > 5 && !token.classes.contains(.function)
            && ["al", "ic", "ive", "ary"].contains { token.lower.hasSuffix($0) }
    }

    /// Words before a name that say a place follows ("in Norton", "near Holt").
    private static let placePrepositions: Set<String> = [
        "in", "at", "from", "to", "near", "across", "into", "outside", "around", "via", "through", "toward",
        "towards", "between", "visit", "visited", "visiting", "downtown", "throughout", "within", "of",
    ]

    /// Compass points that name a region after "the" ("the West", "the Northeast").
    private static let compassRegions: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    ]

    /// Capitalised words of a place's formal name before "of": "the State of Texas", "the City of Cleveland".
    private static let leadingKindWords: Set<String> = [
        "state", "commonwealth", "province", "city", "municipality", "town", "borough", "county",
    ]

    /// Lower-case place-kind words that may follow a name ("Xinjiang region", "the Pláka districts",
    /// "Kayangan lakes").
    private static let trailingKindWords: Set<String> = [
        "region", "province", "district", "county", "oblast", "prefecture", "village", "town", "city",
        "municipality", "state", "island", "autonomous", "regions", "provinces", "districts", "villages",
        "islands", "lake", "lakes", "mountains", "hills", "river", "rivers", "valley", "peninsula",
        "neighborhood", "neighbourhood",
    ]

    /// Nouns that, after "X is a" or "X, a", say that X is a place ("Temescal is a neighborhood").
    private static let describingKindWords: Set<String> = [
        "town", "city", "village", "hamlet", "island", "neighborhood", "neighbourhood", "suburb", "municipality",
        "district", "region", "province", "county", "port", "settlement", "commune", "peninsula", "archipelago",
        "capital", "country", "kingdom", "republic", "river", "lake", "mountain", "volcano", "destination",
    ]

    func recognize(in text: inout AnnotatedText) {
        var index = 0
        while index < text.count {
            guard !text.isClaimed(index), text[index].kind == .word, text[index].isCapitalized else {
                index += 1
                continue
            }
            if let (end, normalized) = stateAbbreviation(at: index, in: text) {
                text.claim(index..<end, as: .place, normalized: normalized)
                index = end
                continue
            }
            if let (end, normalized) = featureOfMatch(at: index, in: text) {
                let start = text.lower(index - 1) == "the" && !text.isClaimed(index - 1) ? index - 1 : index
                text.claim(start..<end, as: .place, normalized: normalized)
                index = end
                continue
            }
            // "security for the West", "injured in the South": a compass point after "the" names a region.
            if Self.compassRegions.contains(text[index].lower), text.lower(index - 1) == "the", !text[index].sentenceInitial,
               !text[index].isAllCaps, !(text.token(index + 1).map { $0.kind == .word && $0.isCapitalized } ?? false),
               !text.isPunctuation(index + 1, "-") {
                text.claim(index..<index + 1, as: .place, normalized: text[index].text)
                index += 1
                continue
            }
            let gazetteerResult = gazetteerMatch(at: index, in: text)
            if case .blocked(let end) = gazetteerResult {
                // "Durham University": the place name inside an organisation's name is no place.
                index = end
                continue
            }
            if case .republic(let start, let end, let normalized) = gazetteerResult {
                // "the Parliament of the Republic of Lithuania": the organisation belongs to the country,
                // which the letter thereby names.
                text.claim(start..<end, as: .place, normalized: normalized)
                index = end
                continue
            }
            var match: (Int, String)?
            if case .place(let end, let normalized) = gazetteerResult {
                match = (end, normalized)
                // "the Jordan River", "Hudson Bay": a known name with a feature word after it is the feature.
                if let next = text.token(end), next.kind == .word, next.isCapitalized, !next.lineBreakBefore, !text.isClaimed(end),
                   Lexicon.trailingFeatureWords.contains(next.lower) {
                    match = (end + 1, text.surface(index..<end + 1))
                }
            }
            if let (end, normalized) = match ?? featureMatch(at: index, in: text) ?? contextMatch(at: index, in: text) {
                var start = index
                // "Southern Indiana", "North Oakland": a compass word before a known place is part of it.
                if match != nil, index > 0, !text.isClaimed(index - 1), text[index - 1].isCapitalized,
                   Lexicon.directionWords.contains(text.lower(index - 1)), !text[index].lineBreakBefore {
                    start = index - 1
                }
                // "the State of Texas", "the Commonwealth of Virginia".
                if match != nil, start == index, text.lower(index - 1) == "of", let kind = text.token(index - 2),
                   kind.isCapitalized, Self.leadingKindWords.contains(kind.lower), !text.isClaimed(index - 2) {
                    start = index - 2
                }
                // OntoNotes and GUM keep "the" in multi-word and plural names: "the United States".
                // Words, not tokens: "U.S." is one word and takes no "the".
                let name = text.surface(start..<end)
                // "the San Francisco Bay Area": the article belongs to a longer name that goes on.
                let continues = text.token(end).map {
                    $0.kind == .word && $0.isCapitalized && !$0.lineBreakBefore && !$0.classes.contains(.title)
                } ?? false
                // "the Hong Kong government": the article belongs to the noun the name modifies.
                // "the Hong Kong legislative election": so does it to an adjective the name stands before.
                // "the Texas Governor": so does it to a title.
                let modifies = text.token(end).map { next in
                    next.kind == .word && !next.isCapitalized
                        && (Self.modifiedNouns.contains(next.lower) || Self.isAdjective(next))
                        || next.kind == .word && next.isCapitalized && next.classes.contains(.title) && !next.lineBreakBefore
                } ?? false
                // "the New York area", "the Dallas suburbs": a city's name takes no article of its own.
                let isCity = match != nil && start == index && gazetteer.place(named: text.key(index..<end))?.kind == "city"
                if start > 0, text.lower(start - 1) == "the", !text.isClaimed(start - 1), !continues, !modifies, !isCity,
                   name.contains(" ") || name.hasSuffix("s") && !name.hasSuffix("ss") {
                    start -= 1
                }
                let direction = start < index && text.lower(start) != "the" && !Self.leadingKindWords.contains(text.lower(start))
                text.claim(start..<end, as: .place, normalized: direction ? text[index - 1].text + " " + normalized : normalized)
                index = end
            } else {
                index += 1
            }
        }
    }

    /// "through Thrace and Asia Minor", "the parish schools of Cruden and Ellon": a single unknown word
    /// that was taken for a surname but is listed with a place is a place too.
    func adoptCoordinatedNames(in text: inout AnnotatedText) {
        let spanOf = text.spanIndexByToken()
        func isPlace(_ token: Int) -> Bool {
            token >= 0 && token < spanOf.count && spanOf[token] >= 0 && text.spans[spanOf[token]].type == .place
        }
        // "Coron was registered as a town ... changed to Coron": a word the text calls a place elsewhere.
        var placeWords = Set<String>()
        for (spanIndex, range) in text.spanTokens.enumerated() where text.spans[spanIndex].type == .place && range.count == 1 {
            placeWords.insert(text[range.lowerBound].lower)
        }
        // "the islands La Désirade, Petite Terre": so are unknown words of a name without a given name.
        for (spanIndex, range) in text.spanTokens.enumerated() where text.spans[spanIndex].type == .person {
            let token = text[range.lowerBound]
            // "Carrano and Biewener's subjects": a possessive is a person's more often than a place's.
            guard range.allSatisfy({ !names.isName(text[$0].lower) && (range.count == 1 || !text[$0].classes.contains(.worldGivenName)) }),
                  range.count > 1 || !text.spans[spanIndex].normalized.contains(" "),
                  !text.isPunctuation(range.upperBound, "'s") else { continue }
            let joiners: Set<String> = [",", "and", "or"]
            let before = range.lowerBound - 1
            let after = range.upperBound
            // "While in the United States, Dvořák wrote": after a comma, only a list goes on.
            let listGoesOn = text.token(after).map { $0.kind == .punctuation || joiners.contains($0.lower) } ?? true
            let leftPlace = joiners.contains(text.lower(before)) && isPlace(before - 1) && (text.lower(before) != "," || listGoesOn)
            let rightPlace = joiners.contains(text.lower(after)) && isPlace(after + 1)
            if leftPlace || rightPlace || range.count == 1 && placeWords.contains(token.lower) {
                text.setType(ofSpan: spanIndex, to: .place, normalized: text.surface(range))
            }
        }
        // "bordered by Edgewater, Englewood Cliffs", "Grand Lake and Lakeshore": so is an unknown word that
        // nothing took, between commas or after "and" in a list of places.
        guard text.spans.contains(where: { $0.type == .place }) else { return }
        let places = text.spanIndexByToken()
        func isListedPlace(_ token: Int) -> Bool {
            token >= 0 && token < places.count && places[token] >= 0 && text.spans[places[token]].type == .place
        }
        for index in 0..<text.count where !text.isClaimed(index) {
            let token = text[index]
            // A known place's name that the place recogniser left alone stands in an organisation's name
            // ("University of California, Berkeley"); a small town's needed the list to be told.
            guard token.kind == .word, token.isCapitalized, !token.isAllCaps, !token.sentenceInitial, token.text.count >= 4,
                  token.classes.isDisjoint(with: [.common, .demonym, .dictionaryWord, .givenName, .surname]),
                  !names.isName(token.lower), !names.isWord(token.lower),
                  !token.classes.contains(.placeStart) || gazetteer.place(named: token.lower).map({ $0.isAmbiguous(as: token) }) ?? true,
                  !["the", "of"].contains(text.lower(index - 1)), !["the", "of"].contains(text.lower(index - 2)),
                  !(text.token(index + 1).map { $0.kind == .word && $0.isCapitalized } ?? false) else { continue }
            let listGoesOn = text.token(index + 1).map { $0.kind == .punctuation || ["and", "or"].contains($0.lower) } ?? true
            let left = (text.lower(index - 1) == "and" || text.lower(index - 1) == "," && listGoesOn) && isListedPlace(index - 2)
            let right = [",", "and"].contains(text.lower(index + 1)) && isListedPlace(index + 2)
            if left || right {
                text.claim(index..<index + 1, as: .place, normalized: token.text)
            }
        }
    }

    /// "Theodorus of Tabennese", "Apollinaris of Laodicea": an unknown word after a person's name and
    /// "of" is the person's home, a place.
    func adoptHomePlaces(in text: inout AnnotatedText) {
        let spanOf = text.spanIndexByToken()
        for index in 1..<max(1, text.count - 1) where text.lower(index) == "of" {
            let home = index + 1
            guard spanOf[index - 1] >= 0, text.spans[spanOf[index - 1]].type == .person, let token = text.token(home),
                  token.kind == .word, token.isCapitalized, !token.isAllCaps, token.text.count >= 4,
                  !names.isName(token.lower), !names.isWord(token.lower), !(text.token(home + 1)?.isCapitalized ?? false),
                  !text.isPunctuation(home + 1, "'s") else { continue }
            if spanOf[home] < 0 {
                text.claim(home..<home + 1, as: .place, normalized: token.text)
            } else if text.spanTokens[spanOf[home]] == home..<home + 1, text.spans[spanOf[home]].type == .person {
                text.setType(ofSpan: spanOf[home], to: .place, normalized: token.text)
            }
        }
    }

    /// What the gazetteer says about the tokens at an index.
    private enum GazetteerResult {
        case none
        /// A place name ending before token `end`, with its canonical name.
        case place(end: Int, normalized: String)
        /// A place name ending before token `end` that the context says is part of something else.
        case blocked(end: Int)
        /// "Republic of X" inside an organisation's name: X, from `start`, is still a place.
        case republic(start: Int, end: Int, normalized: String)
    }

    /// The longest gazetteer name starting at `index`, if the context allows it to be a place.
    private func gazetteerMatch(at index: Int, in text: AnnotatedText) -> GazetteerResult {
        let limit = min(gazetteer.maxTokens, text.count - index)
        guard limit > 0, text[index].classes.contains(.placeStart) else { return .none }
        for length in stride(from: limit, through: 1, by: -1) {
            let range = index..<index + length
            let last = text[range.upperBound - 1]
            // "U.S.": a name may end in the full stop of its last initial.
            let endsInInitial = last.text == "." && length >= 2 && text[range.upperBound - 2].text.count == 1
            guard last.kind == .word && last.isCapitalized || endsInInitial, text.isFree(range),
                  !(range.dropFirst().contains { text[$0].lineBreakBefore }),
                  let place = gazetteer.place(named: text.key(range)) else { continue }
            guard isPlaceContext(range, in: text) else {
                if length >= 3, text.lower(index) == "republic", text.lower(index + 1) == "of" {
                    return .republic(start: index + 2, end: range.upperBound, normalized: place.canonical)
                }
                return .blocked(end: range.upperBound)
            }
            if length == 1 && place.isAmbiguous(as: text[index])
                && !isIntroducedAsPlace(range, in: text) {
                return .none
            }
            // "from Santos (1989)", "(Jasny, Chin, Chong, & Vignieri, 2011)": a city's name as a cited author,
            // but "the Sorbonne in Paris (1927)".
            if place.kind == "city" || place.kind == "region" && length == 1, !["in", "at", "near", "to"].contains(text.lower(index - 1)),
               text.isCitedAuthor(at: range.upperBound - 1) {
                return .none
            }
            // "Mary said", "Florence told us": a given name that is also a city's, before a verb of speech,
            // names the speaker; "Paris was born": so does it before a passive only a person undergoes.
            if length == 1, place.kind == "city", text[index].classes.contains(.givenName),
               Lexicon.speechVerbs.contains(text.lower(index + 1))
                || ["was", "is"].contains(text.lower(index + 1)) && PersonRecognizer.personPassives.contains(text.lower(index + 2)) {
                return .none
            }
            // "Barack Obama", "Valeska Paris": a town's name right after an unknown capitalised word
            // is a surname.
            if length == 1, place.kind == "city", place.population < 1_000_000, let previous = text.token(index - 1),
               previous.kind == .word, previous.isCapitalized, !text.isClaimed(index - 1), !previous.lineBreakBefore || !text[index].lineBreakBefore,
               !Lexicon.commonCapitalised.contains(previous.lower), !Lexicon.titles.contains(previous.lower),
               !Lexicon.directionWords.contains(previous.lower), gazetteer.place(named: previous.lower) == nil,
               !Lexicon.organisationWords.contains(previous.lower), !text[index].lineBreakBefore {
                return .none
            }
            // "Vladimir Putin", "Florence Nightingale": a town's name right before one unknown capitalised
            // word is a given name; not so before a name of two words ("Governor of Washington Chris Gregoire").
            if length == 1, place.kind == "city", place.population < 1_000_000, let next = text.token(index + 1),
               next.kind == .word, next.isCapitalized, !next.isAllCaps, !next.lineBreakBefore, !text.isClaimed(index + 1),
               next.classes.isDisjoint(with: [.dictionaryWord, .organisation, .title, .placeStart, .function, .demonym, .name]),
               !next.lower.utf8.contains(UInt8(ascii: "-")), !Lexicon.trailingFeatureWords.contains(next.lower),
               !(text.token(index + 2).map { $0.kind == .word && $0.isCapitalized } ?? false) {
                return .none
            }
            return .place(end: range.upperBound, normalized: place.canonical)
        }
        return .none
    }

    /// A place name is no place when it is a common word at the start of a sentence, or part of the
    /// name of an organisation ("Durham University", "Parliament of the Republic of Lithuania").
    private func isPlaceContext(_ range: Range<Int>, in text: AnnotatedText) -> Bool {
        let first = text[range.lowerBound]
        // "University of Texas", listed as a populated place: an organisation's word before "of" starts an
        // organisation's name.
        if range.count >= 3, first.classes.contains(.organisation), text.lower(range.lowerBound + 1) == "of" { return false }
        if range.count == 1 {
            if first.isAllCaps && first.text.count <= 3 {
                // Short capitals are acronyms ("OK", "IT") unless they are a country's usual short form;
                // "US$" is a currency.
                if !["US", "UK", "USA", "UAE", "PRC", "DRC"].contains(first.text) { return false }
                if let next = text.token(range.upperBound), !next.spaceBefore, next.text == "$" { return false }
            } else if first.classes.contains(.common) {
                return false
            }
        }
        // "Durham University", "Washington State University": an organisation word in the capitalised
        // words that follow.
        var next = range.upperBound
        while let token = text.token(next), token.kind == .word, token.isCapitalized, !token.lineBreakBefore,
              next < range.upperBound + 4 {
            if token.classes.contains(.organisation) { return false }
            next += 1
        }
        // "the Pittsburgh Pirates", "Boston Red Sox": a plural name after a city's name is a team's.
        if next > range.upperBound, let last = text.token(next - 1), Lexicon.isPlural(last.lower),
           last.classes.isDisjoint(with: [.placeStart, .title, .givenName, .surname]), !Lexicon.trailingFeatureWords.contains(last.lower),
           !last.isAllCaps {
            return false
        }
        // "New York Minute", "Orange Prince", "Edmonton Sun": a capitalised ordinary word right after the
        // name makes both the name of a work, a paper or a thing; not a feature ("Ohio River"), a title
        // ("Texas Governor"), a direction, a people's name or a day ("Paris Tuesday").
        // "USA Today": so does a capitalised "Today".
        if let after = text.token(range.upperBound), after.kind == .word, after.isCapitalized, !after.isAllCaps,
           !after.lineBreakBefore, after.lower == "today" || !text.isClaimed(range.upperBound) && after.classes.contains(.dictionaryWord)
            && after.classes.isDisjoint(with: [.title, .direction, .demonym, .name, .month, .weekday, .function, .common, .placeStart]),
           !Lexicon.trailingFeatureWords.contains(after.lower), !Self.trailingKindWords.contains(after.lower),
           !(text.token(range.upperBound + 1).map { $0.kind == .word && $0.isCapitalized } ?? false) {
            return false
        }
        // "Environment Canada", "Space Shuttle Columbia", "Food Standards Australia": a capitalised ordinary
        // word right before the name makes both one organisation's or thing's name.
        if let previous = text.token(range.lowerBound - 1), previous.kind == .word, previous.isCapitalized,
           !previous.sentenceInitial, !first.lineBreakBefore, previous.classes.contains(.dictionaryWord),
           previous.classes.isDisjoint(with: [.function, .title, .common, .direction, .demonym, .name]),
           !Lexicon.directionWords.contains(previous.lower), !text.isClaimed(range.lowerBound - 1) {
            return false
        }
        var before = range.lowerBound - 1
        if text.lower(before) == "the" { before -= 1 }
        if ["of", "de", "di", "du", "für", "for"].contains(text.lower(before)), let owner = text.token(before - 1),
           owner.isCapitalized, Lexicon.organisationWords.contains(owner.lower) {
            return false
        }
        return true
    }


    /// "Stamford, Conn.", "Paramus, N.J.", "Vinita, OK": a US state's abbreviation after a place and a comma.
    private func stateAbbreviation(at index: Int, in text: AnnotatedText) -> (Int, String)? {
        guard text.isPunctuation(index - 1, ","), text.spans.last?.type == .place, text.spanTokens.last?.upperBound == index - 1,
              !text[index].lineBreakBefore else {
            return nil
        }
        for length in [4, 2, 1] where text.isFree(index..<index + length) {
            // Postal codes are two capitals; the abbreviations with full stops are written so.
            if length == 1 && !(text[index].isAllCaps && text[index].text.count == 2) { continue }
            if length > 1 && !text.isPunctuation(index + length - 1, ".") { continue }
            if let state = Lexicon.stateAbbreviations[text.key(index..<index + length)] { return (index + length, state) }
        }
        return nil
    }

    private func isIntroducedAsPlace(_ range: Range<Int>, in text: AnnotatedText) -> Bool {
        var before = range.lowerBound - 1
        if text.lower(before) == "the" { before -= 1 }
        // "One of Norton's proclamations", "a summary of Fillmore's work": a possessive after "of" is a
        // person's more often than a town's.
        let possessiveAfterOf = text.lower(before) == "of" && text.isPunctuation(range.upperBound, "'s")
        if Self.placePrepositions.contains(text.lower(before)) && !(text.token(before)?.isCapitalized ?? false) && !possessiveAfterOf {
            return true
        }
        return isFollowedByRegion(range.upperBound, in: text) || isDescribedAsPlace(after: range.upperBound, in: text)
    }

    /// A lower-case word for a kind of place right before `index` and after an article: "the villages Brin",
    /// "the island Socotra".
    static func isPlaceKindBefore(_ index: Int, in text: AnnotatedText) -> Bool {
        guard let kind = text.token(index - 1), kind.kind == .word, !kind.isCapitalized, directKindWords.contains(kind.lower),
              ["the", "a", "an"].contains(text.lower(index - 2)), let name = text.token(index),
              name.classes.isDisjoint(with: [.title, .month, .weekday, .common, .function]) else { return false }
        return true
    }

    /// Kinds of place that may stand right before a name without "of" ("the villages Brin and Djibonker");
    /// not "state" or "city", which a title or a council follows as often ("the state Senator").
    private static let directKindWords: Set<String> = [
        "village", "villages", "town", "towns", "island", "islands", "hamlet", "hamlets", "township", "municipality",
        "oblast", "prefecture", "province", "provinces", "district", "districts",
    ]

    /// "Norton, Kansas", "Levico Terme, Trento": a comma and a known region or country after a name.
    private func isFollowedByRegion(_ end: Int, in text: AnnotatedText) -> Bool {
        guard text.isPunctuation(end, ","), let next = text.token(end + 1), next.isCapitalized, !next.lineBreakBefore else {
            return false
        }
        let nameEnd = text.capitalisedRun(from: end + 1, limit: 3, stoppingAt: [])
        guard nameEnd > end + 1 else { return false }
        for last in stride(from: nameEnd, to: end + 1, by: -1) {
            guard let place = gazetteer.place(named: text.key(end + 1..<last)) else { continue }
            // "Levico Terme, Trento, Italy": a city followed by its region.
            if place.kind == "city" { return isFollowedByRegion(last, in: text) }
            // "Gomez, Panama coach", "Porpoise, Denmark's only whale": the region must end its phrase.
            guard let after = text.token(last) else { return true }
            return after.kind == .punctuation && after.text != "'s" || after.classes.contains(.function)
        }
        return false
    }

    /// "Temescal is a neighborhood north of", "Rockridge, a neighborhood", "Hadibo, the capital of": the
    /// sentence calls the name before `end` a place. The kind word must end its phrase: "a city official" is
    /// a person.
    private func isDescribedAsPlace(after end: Int, in text: AnnotatedText) -> Bool {
        var cursor = end
        // "Hadibo is located on the coast", "Tulum, situated near".
        let verb = text.isPunctuation(cursor, ",") ? cursor + 1 : cursor
        if ["located", "situated"].contains(text.lower(verb)) || ["is", "was"].contains(text.lower(verb))
            && ["located", "situated"].contains(text.lower(verb + 1)) {
            return true
        }
        if ["is", "was"].contains(text.lower(cursor)) || text.isPunctuation(cursor, ",") {
            cursor += 1
        } else {
            return false
        }
        guard ["a", "an", "the"].contains(text.lower(cursor)) else { return false }
        cursor += 1
        // Up to two modifiers: "a small coastal town".
        for _ in 0..<3 {
            guard let token = text.token(cursor), token.kind == .word, !token.isCapitalized else { return false }
            if Self.describingKindWords.contains(token.lower) {
                guard let after = text.token(cursor + 1) else { return true }
                // "Rockridge, a neighborhood mixed with": a participle goes on describing the place.
                return after.kind == .punctuation && after.text != "'s" || after.classes.contains(.function)
                    || Self.placePrepositions.contains(after.lower)
                    || ["known", "famous"].contains(after.lower) || after.kind == .word && after.lower.hasSuffix("ed")
            }
            cursor += 1
        }
        return false
    }

    /// A capitalised name led or ended by a geographic feature word: "Lake Erie", "Port Hutt",
    /// "the Casamance River", "Chatham Islands".
    private func featureMatch(at index: Int, in text: AnnotatedText) -> (Int, String)? {
        // "Mt. Talau": the abbreviation's full stop stays inside the name.
        if text.lower(index) == "mt", text.isPunctuation(index + 1, "."), !text[index + 1].spaceBefore {
            let end = text.capitalisedRun(from: index + 2, limit: 3, stoppingAt: [.function, .organisation])
            return end > index + 2 ? (end, text.surface(index..<end)) : nil
        }
        let end = text.capitalisedRun(from: index, limit: 4, stoppingAt: [.function, .organisation])
        guard end - index >= 2 else { return nil }
        let first = text.lower(index)
        let last = text.lower(end - 1)
        guard Lexicon.leadingFeatureWords.contains(first) || Lexicon.trailingFeatureWords.contains(last) else { return nil }
        // "Bay Rays" of "Tampa Bay Rays": a plural that is no feature ends a team's name.
        if Lexicon.isPlural(last) && !Lexicon.trailingFeatureWords.contains(last) { return nil }
        if text[index].sentenceInitial && Lexicon.commonCapitalised.contains(first) { return nil }
        return (end, text.surface(index..<end))
    }

    /// "the Gulf of Mexico", "the Bay of Bengal", "Isle of Man": a water or land feature of a name.
    private func featureOfMatch(at index: Int, in text: AnnotatedText) -> (Int, String)? {
        guard ["gulf", "bay", "sea", "strait", "straits", "isle", "cape", "lake", "island", "islands"].contains(text.lower(index)),
              text.lower(index + 1) == "of" else { return nil }
        var cursor = index + 2
        if text.lower(cursor) == "the" { cursor += 1 }
        let last = text.capitalisedRun(from: cursor, limit: 3, stoppingAt: [])
        return last > cursor ? (last, text.surface(index..<last)) : nil
    }

    /// An unknown capitalised name that the words around it call a place.
    private func contextMatch(at index: Int, in text: AnnotatedText) -> (Int, String)? {
        let end = text.capitalisedRun(from: index, limit: 3, stoppingAt: [.common, .organisation])
        guard end > index else { return nil }
        // "in Danish", "the Danish island of Funen": a word for a people or a language is no place.
        let lastWord = text[end - 1]
        if lastWord.classes.contains(.demonym) || ["ish", "ian", "ians"].contains(where: { lastWord.lower.hasSuffix($0) }) {
            return nil
        }
        var before = index - 1
        if text.lower(before) == "the" { before -= 1 }
        // "the village of Shilikti", and "the villages Brin and Djibonker", "the islands Grande Terre".
        let introduced = text.lower(before) == "of" && Lexicon.placeKindWords.contains(text.lower(before - 1))
            && !(text.token(before - 1)?.isCapitalized ?? true)
            || Self.isPlaceKindBefore(index, in: text)
        let followed = Self.trailingKindWords.contains(text.lower(end)) && !(text.token(end)?.isCapitalized ?? true)
        // "in Coron", "to Socotra": one unknown word (no name, no ordinary word) after a preposition
        // of place.
        let token = text[index]
        // "in Levico Terme", "near Kibbutz Kinneret": two such words.
        let unknownPairAfterPreposition = end == index + 2 && !token.sentenceInitial
            && ["in", "near", "into", "outside", "through"].contains(text.lower(index - 1))
            && (index..<end).allSatisfy({ !text[$0].isAllCaps && !names.isName(text[$0].lower) && !names.isWord(text[$0].lower) })
            && !(text.token(end)?.isCapitalized ?? false) && !text.isPunctuation(end, "'s") && !text.isCitedAuthor(at: end - 1)
        let unknownAfterPreposition = end == index + 1 && !token.sentenceInitial && !token.isAllCaps
            && ["in", "near", "from", "to", "into", "across", "around", "outside", "via", "visit", "visiting", "through"].contains(text.lower(index - 1))
            // "travelled to Socotra" but not "confided to Galois", "close to Padalecki".
            && (text.lower(index - 1) != "to" || Lexicon.motionWords.contains(text.lower(index - 2)))
            && !names.isName(token.lower) && !names.isWord(token.lower) && token.text.count >= 4
            // "successor to Pachomius": Latin names of persons end in -ius.
            && !token.lower.hasSuffix("ius")
            // "adapted from Palmeri and Gazio (1995)": an author cited with a year.
            && !text.isCitedAuthor(at: end - 1)
            && !(text.token(end)?.isCapitalized ?? false) && !text.isPunctuation(end, "'s")
        // "to the Chathams", "from the Visayas": an unknown plural name after a preposition and "the"; after
        // "of" a people's more often ("the persecution of the Huguenots").
        let pluralAfterPreposition = end == index + 1 && text.lower(index - 1) == "the" && token.lower.hasSuffix("s")
            && ["in", "near", "from", "to", "into", "across", "around", "outside", "via", "visit", "visiting"].contains(text.lower(index - 2))
            && !names.isName(token.lower) && !names.isWord(token.lower) && !(text.token(end)?.isCapitalized ?? false)
        // "Dalmatia and Pannonia", "Kurdistan": unknown words ending like names of lands.
        let landLike = end == index + 1 && !token.sentenceInitial && !token.isAllCaps && !names.isName(token.lower)
            && !names.isWord(token.lower) && !(text.token(end)?.isCapitalized ?? false) && !["pedia", "phobia", "mania"].contains(where: { token.lower.hasSuffix($0) })
            && ["ia", "land", "stan", "shire", "burg", "ville", "polis", "grad", "abad"].contains(where: { token.lower.hasSuffix($0) })
        // "Vinita, OK", "Temescal is a neighborhood": an unknown name that is not a person's given name.
        let locatedOrDescribed = (index..<end).allSatisfy({ text[$0].classes.isDisjoint(with: .name) })
            && !token.isAllCaps && token.text.count >= 3
            && (isFollowedByRegion(end, in: text) || isDescribedAsPlace(after: end, in: text))
        if pluralAfterPreposition { return (end, text.surface(index..<end)) }
        guard introduced || followed || unknownAfterPreposition || unknownPairAfterPreposition || landLike || locatedOrDescribed else {
            return nil
        }
        return (end, text.surface(index..<end))
    }
}
