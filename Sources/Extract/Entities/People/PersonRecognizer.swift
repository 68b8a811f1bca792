import PipelineModel

/// Finds personal names: runs of capitalised words with evidence that they name a person (a title
/// or role before them, a known given name, a ", MP" after them, or their shape), without the
/// titles, and later mentions of the same person by surname or given name alone.
struct PersonRecognizer: Sendable {
    let names: NameLists
    let gazetteer: PlaceGazetteer

    /// How much evidence a pass asks for.
    enum Pass {
        /// Titles, known given names, ", MP": runs before places so "Jordan Peterson" stays a person.
        case strong
        /// Unknown capitalised pairs ("Kaster Musakhan"), after places and laws took their words.
        case weak
    }

    /// Abbreviated roles after a name on the same line: "Mantas Adomėnas, MP".
    private static let trailingRoles: Set<String> = ["mp", "mep", "mps", "phd", "md", "jr", "sr", "esq", "qc", "kc"]

    func recognize(in text: inout AnnotatedText, pass: Pass) {
        var index = 0
        var previousPersonEnd = -1
        while index < text.count {
            guard let run = run(at: index, in: text) else {
                index += 1
                continue
            }
            let previousWasPerson = previousPersonEnd >= 0 && index - previousPersonEnd <= 1
                && ["and", ",", "&"].contains(text.lower(index - 1))
            if let name = person(in: run, text: text, pass: pass, listed: previousWasPerson) {
                text.claim(name, as: .person, normalized: normalized(name, in: text))
                previousPersonEnd = name.upperBound + 1
            }
            index = run.upperBound
        }
    }

    /// Later mentions of a person already found, by surname or given name alone, normalized to the
    /// full name so that `entities(in:)` groups them.
    func linkMentions(in text: inout AnnotatedText) {
        var known: [String: String] = [:]
        for span in text.spans where span.type == .person {
            let parts = span.normalized.split(separator: " ")
            guard parts.count >= 2, let first = parts.first, let last = parts.last else { continue }
            let full = span.normalized
            known[PlaceGazetteer.key(String(last)), default: full] = known[PlaceGazetteer.key(String(last))] ?? full
            if known[PlaceGazetteer.key(String(first))] == nil { known[PlaceGazetteer.key(String(first))] = full }
        }
        guard !known.isEmpty else { return }
        for (spanIndex, span) in text.spans.enumerated() where span.type == .person && !span.normalized.contains(" ") {
            if let full = known[PlaceGazetteer.key(span.normalized)] {
                text.setNormalized(ofSpan: spanIndex, to: full)
            }
        }
        // "Valeska Paris ... Paris said": a surname of the text's people is no town.
        let spanOf = text.spanIndexByToken()
        for (spanIndex, range) in text.spanTokens.enumerated() where range.count == 1 && text.spans[spanIndex].type == .place {
            if let full = known[text[range.lowerBound].lower], text[range.lowerBound].isCapitalized, spanOf[range.lowerBound] == spanIndex {
                text.setType(ofSpan: spanIndex, to: .person, normalized: full)
            }
        }
        for index in 0..<text.count where !text.isClaimed(index) {
            let token = text[index]
            guard token.kind == .word, token.isCapitalized, let full = known[token.lower] else { continue }
            if let next = text.token(index + 1), next.kind == .word, next.isCapitalized, !next.lineBreakBefore { continue }
            text.claim(index..<index + 1, as: .person, normalized: full)
        }
    }

    // MARK: Runs

    /// The run of capitalised words (with initials and name particles) starting at `index`.
    private func run(at index: Int, in text: AnnotatedText) -> Range<Int>? {
        guard let first = text.token(index), first.kind == .word, first.isCapitalized, !text.isClaimed(index) else { return nil }
        var end = index
        var lastWord = index
        while let token = text.token(end), !text.isClaimed(end), end - index < 8 {
            if end > index && token.lineBreakBefore { break }
            if token.kind == .word && (token.isCapitalized || token.classes.contains(.particle) && end > index) {
                if token.isCapitalized { lastWord = end }
                end += 1
            } else if end > index, token.kind == .word, Self.isElidedParticle(token) {
                // "Pescheux d'Herbinville", "Jean le Rond d'Alembert".
                lastWord = end
                end += 1
            } else if token.text == ".", !token.spaceBefore, end > index,
                      text[end - 1].text.count <= 2 || text[end - 1].classes.contains(.title) {
                // Initials and abbreviated titles: "J. R. Tolkien", "Mr. Gizat Nurdauletov", "H.E.".
                end += 1
            } else {
                break
            }
        }
        return index..<lastWord + 1
    }

    /// The name inside `run`, without titles and roles, if there is evidence enough for `pass`.
    private func person(in run: Range<Int>, text: AnnotatedText, pass: Pass, listed: Bool) -> Range<Int>? {
        // Everything up to the last title is a role: "Lithuanian MP Mantas Adomėnas",
        // "The Prosecutor General ... Mr. Gizat Nurdauletov", "Major General Darkhan Dilmanov".
        var start = run.lowerBound
        var titled = isTitle(before: run.lowerBound, in: text)
        var lastTitle = titled ? text.lower(text.isPunctuation(run.lowerBound - 1, ".") ? run.lowerBound - 2 : run.lowerBound - 1) : ""
        for index in run where text[index].kind == .word && isTitle(text[index]) && index < run.upperBound - 1
            && !(Self.possessiveTitles.contains(text[index].lower) && !isTitle(text[index + 1])) {
            start = index + 1
            titled = true
            lastTitle = text[index].lower
        }
        // "de Gaulle" after a title starts with its particle only when capitalised ("De Certeau").
        while start < run.upperBound, text[start].kind == .punctuation
                || text[start].classes.contains(.particle) && !(text[start].isCapitalized && start + 1 < run.upperBound) {
            start += 1
        }
        // "H.E." and other dotted abbreviations: initials directly before a title-stripped name.
        if start < run.upperBound, text.key(start..<min(start + 4, run.upperBound)) == "h.e." {
            start += 4
            titled = true
        }
        // "Despite Daniel", "Biologist Nick Bos": an ordinary word before a name, capitalised only
        // because it starts the sentence or is a role, is not part of the name.
        // "After Bedřich Smetana": so is a function word other than an article ("The Walking Dead"
        // is a title).
        while start + 1 < run.upperBound, text[start].kind == .word, !isName(text[start]), text[start + 1].kind == .word,
              text[start + 1].classes.contains(.givenName) && isWord(text[start])
                || text[start].classes.contains(.function) && !["the", "a", "an"].contains(text[start].lower)
                || isWord(text[start]) && text[start].sentenceInitial && text[start].lower.hasSuffix("ing")
                // "Later Alimuly's family": without a given name, a sentence's first ordinary word is no part of it.
                || pass == .weak && isWord(text[start]) && text[start].sentenceInitial
                // "Pan-democrat Gary Fan", "Ex-President Bill Clinton": a hyphenated word that ends in an
                // ordinary word or a title describes the person.
                || isHyphenatedDescription(text[start])
                // "NASA Bill Ingalls": an acronym before a given name is the person's organisation.
                || text[start].isAllCaps && text[start + 1].classes.contains(.givenName) && !text[start + 1].isAllCaps
                    && start + 2 < run.upperBound && (isName(text[start + 2]) || !isWord(text[start + 2])) {
            start += 1
        }
        // "Islamic Relations Alia Salem", "Scientologist Tom Cruise": words that are no names before a given
        // name and a surname describe the person.
        if let given = (start + 1..<max(start + 1, run.upperBound - 1)).first(where: {
            !text[$0].classes.isDisjoint(with: [.givenName, .worldGivenName]) && !text[$0].classes.contains(.common)
        }), text[given + 1].kind == .word, text[given + 1].isCapitalized, isName(text[given + 1]) || !isWord(text[given + 1]),
           (start..<given).allSatisfy({ isDescription(text[$0]) }) {
            start = given
        }
        var end = run.upperBound
        // "Daniel Bernoulli FRS", "Richard T. Bissen Jr": letters after a name are not part of it.
        // "John Paul II", "Shah Abbas I": a regnal number is part of the name.
        let regnal = end - start >= 2 && Self.isRegnalNumber(text[end - 1]) && text[end - 2].isCapitalized
            && !text[end - 2].isAllCaps && (titled || text[end - 1].text != "I")
        while !regnal, end - start >= 3, let last = text.token(end - 1), last.kind == .word,
              last.isAllCaps && !text[start].isAllCaps && last.text.count <= 4 || ["jr", "sr"].contains(last.lower) {
            end -= 1
        }
        // "Jeff McBride Experience", "Tommy Solomon Statue": an ordinary word after a full name names a
        // thing of the person's.
        if end - start >= 3, text[start].classes.contains(.givenName), text[end - 2].kind == .word, text[end - 2].text.count > 1,
           !isWord(text[end - 2]), let last = text.token(end - 1), last.kind == .word, isWord(last), !isName(last),
           last.classes.isDisjoint(with: [.organisation, .title]) {
            end -= 1
        }
        while end > start, text[end - 1].classes.contains(.particle) || text[end - 1].kind == .punctuation {
            // "George H. W.": the full stop of a last initial is part of the name.
            if end - start >= 3, text[end - 1].text == ".", text[end - 2].text.count == 1, text[end - 2].isCapitalized { break }
            end -= 1
        }
        guard end > start else { return nil }
        // "the islands Marie Galante": a kind of place before the name makes it a place's.
        if !titled, PlaceRecognizer.isPlaceKindBefore(start, in: text) { return nil }
        let name = start..<end
        let words = name.filter { text[$0].kind == .word && !text[$0].classes.contains(.particle) }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        // "Iván DeJesús, Jr.": a suffix alone is no name.
        if words.count == 1 && Self.trailingRoles.contains(text[words[0]].lower) { return nil }
        // A lone initial ("D") and a degree ("Ph.D") are no names.
        if words.count == 1 && text[words[0]].text.count == 1 || text.key(name).hasPrefix("ph.") { return nil }
        let firstWord = text[words[0]]
        // "the 2012 Summer Paralympics": a name of two words or more after "the" and a year is an event's.
        if words.count >= 2, text.lower(name.lowerBound - 2) == "the",
           let year = text.token(name.lowerBound - 1), year.kind == .number, year.text.count == 4 {
            return nil
        }
        // "Merrill Lynch & Co.": names before "&" and a company's word name the company.
        if text.isPunctuation(end, "&"), text.token(end + 1)?.classes.contains(.organisation) ?? false { return nil }
        // "Mt. Talau", "Lake Erie", "Cape Cod": a feature word leads a place's name, not a person's.
        if words.count >= 2, Lexicon.leadingFeatureWords.contains(firstWord.lower) { return nil }
        // "Larry King", "Ahmed Shah": a title after a given name is a surname.
        // Not "Virginia Governor": a state's name before a title is the title's state.
        let titleSurname = words.count >= 2 && firstWord.classes.contains(.givenName) && !firstWord.classes.contains(.common)
            && !namesRegion(firstWord)
        // "Eric Temple Bell", "Mary Church Terrell": between a given name and a surname, a word for an
        // organisation or a building is a middle name; "George Washington Bridge" ends in one, "Irving
        // Independent School District" in an ordinary word.
        let lastIsSurname = words.last.map {
            !text[$0].classes.contains(.organisation) && (isName(text[$0]) || !isWord(text[$0]))
        } ?? false
        for index in words {
            let token = text[index]
            let middleName = titleSurname && lastIsSurname && index != words.first && index != words.last
            if !token.classes.isDisjoint(with: [.month, .weekday]) || token.classes.contains(.organisation) && !middleName
                || isTitle(token) && !(titleSurname && index == words.last) {
                return nil
            }
        }
        let allCaps = words.allSatisfy { text[$0].isAllCaps }
        let common = words.filter { text[$0].classes.contains(.common) && !(regnal && $0 == end - 1) }.count
        // Towns ("Holt", "Obama") do not count against a name: the place recogniser left them alone.
        let places = words.filter { index in
            guard text[index].classes.contains(.placeStart), let place = gazetteer.place(named: text[index].lower) else { return false }
            return !place.isAmbiguous(as: text[index])
        }.count
        let trailingRole = text.isPunctuation(end, ",") && Self.trailingRoles.contains(text.lower(end + 1))
            && !(text.token(end + 1)?.lineBreakBefore ?? true)
        if titled || trailingRole || listed {
            // "President Trump", "Mr. Brown": after an honorific of persons only, one word is a surname
            // even when it is also an ordinary word.
            let surnameAfterHonorific = Self.personHonorifics.contains(lastTitle) && words.count == 1
                && !firstWord.classes.contains(.function)
            // "Prince Series": a title before an ordinary word is part of a name of a thing.
            if words.count == 1 && isWord(firstWord) && !isName(firstWord) && !text.isCitedAuthor(at: words[0])
                && !surnameAfterHonorific {
                return nil
            }
            // "St. Petersburg", "St. Louis Cardinals", "Saint Vincent and the Grenadines": a title that starts
            // a place's name.
            // A run that starts with the title may start a longer name; "(Miller & Robertson, 2010)": a cited
            // author named like a town is the author.
            let startsWithTitle = isTitle(text[run.lowerBound])
            let shortest = startsWithTitle ? run.lowerBound + 2 : run.upperBound
            let longest = startsWithTitle ? min(run.lowerBound + gazetteer.maxTokens, text.count) : run.upperBound
            if !(run.count == 1 && text.isCitedAuthor(at: run.lowerBound)), shortest <= longest,
               (shortest...longest).contains(where: { gazetteer.place(named: text.key(run.lowerBound..<$0)) != nil }) {
                return nil
            }
            // "General Systems Research", "Major League Baseball": a title before ordinary words only is
            // part of a name of a thing.
            if words.count >= 2, words.allSatisfy({ isWord(text[$0]) && !isName(text[$0]) }) { return nil }
            return common == 0 || surnameAfterHonorific ? name : nil
        }
        // "Will Middlebrooks" inside a sentence, but not "Will" starting one.
        // "Sergey Brin", "Tiziano Lugli": a given name of another country before a surname; not before a
        // plural word ("Tata Motors" is a company's name).
        let worldGivenFirst = firstWord.classes.contains(.worldGivenName) && words.count >= 2
            && words.last.map { isName(text[$0]) || !(Lexicon.isPlural(text[$0].lower) && isWord(text[$0])) } ?? false
        // "My Linguistic Autobiography", "In Obscurity": a determiner or a preposition is no given name
        // (but "Will Middlebrooks" is a name).
        let givenFirst = firstWord.classes.contains(.givenName)
            && !Self.determiners.contains(firstWord.lower) && !Self.prepositions.contains(firstWord.lower)
            && (!firstWord.classes.contains(.common) || !firstWord.sentenceInitial && words.count >= 2)
            || worldGivenFirst
        // "Douglass North": a frequent word after a given name is a surname; a function word is not.
        // "Eugene A. Nida": an initial is no function word.
        let functionWords = words.dropFirst().filter {
            text[$0].classes.contains(.function) && !(text[$0].text.count == 1 && text.isPunctuation($0 + 1, "."))
        }.count
        // "Hong Kong", "San Francisco": the words start a known place's name.
        if !titled && words.count >= 2 && firstWord.classes.contains(.placeStart)
            && gazetteer.place(named: text.key(words[0]..<words[1] + 1)) != nil {
            return nil
        }
        // "the San Francisco Bulletin": nor after a word left out of the name ("San" of "San Francisco").
        if !titled, name.lowerBound > run.lowerBound, text[name.lowerBound - 1].classes.contains(.placeStart),
           gazetteer.place(named: text.key(name.lowerBound - 1..<name.lowerBound + 1)) != nil {
            return nil
        }
        // "Denver Broncos", "Tampa Bay Rays": a place's name before a plural names a team.
        if words.count >= 2, let last = words.last, Lexicon.isPlural(text[last].lower),
           !isName(text[last]), firstWord.classes.contains(.placeStart), let place = gazetteer.place(named: firstWord.lower),
           place.kind == "city" ? place.population >= 100_000 : !firstWord.classes.contains(.givenName) {
            return nil
        }
        switch pass {
        case .strong:
            // "Jordan River", "Virginia Beach": a given name that starts a geographic name; but "Christopher
            // Hill": a surname after a given name that is no place.
            if let last = words.last, Lexicon.trailingFeatureWords.contains(text[last].lower),
               !(text[last].classes.contains(.surname) && !firstWord.classes.contains(.placeStart)) {
                return nil
            }
            // "Irish Cream", "Royal Gold Medal": a given name that is also a frequent word or a people's
            // adjective, before an ordinary word that is no name, starts the name of a thing.
            if words.count >= 2, let last = words.last, isWord(text[last]), !isName(text[last]),
               firstWord.classes.contains(.common) || ["ish", "ian", "ese", "an", "ic"].contains(where: { firstWord.lower.hasSuffix($0) }) {
                return nil
            }
            if words.count >= 2 && givenFirst && functionWords == 0 && !(allCaps && places > 0) { return name }
            return nil
        case .weak:
            if common > 0 || places == words.count && !text.isCitedAuthor(at: end - 1) { return nil }
            // "Environment Canada", "Classical Greece": a country or a region in the words names no person.
            if words.contains(where: { text[$0].classes.contains(.placeStart) && ["country", "region", "continent"].contains(gazetteer.place(named: text[$0].lower)?.kind ?? "") }) {
                return nil
            }
            // "the film Watchmen", "publishing giant Elsevier": a noun for a work or a thing names it.
            if Self.thingNouns.contains(text.lower(name.lowerBound - 1)) { return nil }
            // "La Désirade", "Los Alamos": a Romance article starts a place's or a thing's name, not a
            // person's; "Vostok 1", "Apollo 11": a number after the name, other than a cited year, makes it
            // a thing's.
            if Self.leadingArticles.contains(text.lower(name.lowerBound)) { return nil }
            if let number = text.token(end)?.number, !(1500...2099).contains(number) || text[end].text.count != 4 { return nil }
            // "the Jóola Búluf areas", "his Thyrza Elegies": without a given name or a title, a name after
            // an article or a possessive is a thing's.
            if Self.determiners.contains(text.lower(name.lowerBound - 1)), !(words.count == 1 && Self.leaderNouns.contains(text.lower(end))) {
                return nil
            }

            if let last = words.last, isDemonym(text[last]) { return nil }
            // "the Jóola Kaasa speakers": a noun of a people or a language after the name.
            if Self.groupNouns.contains(text.lower(end)) { return nil }
            if allCaps { return nil }
            if words.count == 1 { return singleWordName(firstWord, at: name.lowerBound, in: text) ? name : nil }
            // "Space Shuttle", "Creative Commons": every word an ordinary word.
            if words.allSatisfy({ isWord(text[$0]) && !isName(text[$0]) }) { return nil }
            // "Musical Hall", "Velvet Underground": without a given name, a name that starts and ends with an
            // ordinary word is a thing's, even when the last word is a surname too.
            // "Copying Beethoven", "Chasing Liberty": so is one that starts with a participle.
            if isWord(firstWord), !isName(firstWord), !firstWord.classes.contains(.worldGivenName),
               let last = words.last, isWord(text[last]) || firstWord.lower.hasSuffix("ing") {
                return nil
            }
            // '"Insurgency Wiki"': a name in quotes without a given name is a title.
            if Self.openingQuotes.contains(text.lower(name.lowerBound - 1)), Self.closingQuotes.contains(text.lower(end)) {
                return nil
            }
            // "Campbell Soup", "Montmartre Cemetery", "Velvet Underground": a surname is seldom an
            // ordinary word, a thing's name often ends in one.
            if let last = words.last, isWord(text[last]) && !isName(text[last]) { return nil }
            // Initials alone ("J. R.") are no name; without a given name, nor does one end a name ("Elsevier
            // N.V.", "Philips B.V." are companies).
            if let last = words.last, text[last].text.count == 1 { return nil }
            return words.allSatisfy({ text[$0].text.count <= 2 }) ? nil : name
        }
    }

    /// Whether one capitalised word with no title before it is a name ("Warhol", "Holt").
    private func singleWordName(_ word: Token, at index: Int, in text: AnnotatedText) -> Bool {
        let before = text.lower(index - 1)
        let after = text.lower(index + 1)
        let isName = isName(word)
        let isWord = isWord(word)
        if isDemonym(word) || word.text.contains(where: \.isNumber) || word.classes.contains(.common) { return false }
        // "Tamberu is a Bantu language", "Okonkwo is a professor at": what the sentence calls the word.
        switch description(after: index, in: text) {
        case .thing: return false
        case .person: return !isWord || isName
        case nil: break
        }
        // "the Bush administration", "the Monti government": a surname before a noun of a person's rule.
        if before == "the", Self.leaderNouns.contains(after), isName && !isWord || !isName && !isWord && looksLikeSurname(word) {
            return true
        }
        // After an article or a possessive it is a thing or a title ("the Bible", "his Prince").
        if Self.determiners.contains(before) || before == "ethnic" { return false }
        // "the Moriori people", "Eegimaa speakers": a word naming a group or a language.
        if Self.groupNouns.contains(after) { return false }
        // "Svendborg, which is easily reached": people take "who".
        if after == "which" || after == "," && text.lower(index + 2) == "which" { return false }
        // "(Li, Polat, Scalzo, & Bavelier, 2010)": a cited author may be short.
        // "Chasing Liberty (2004)", "The Philosophy of Grammar (1924)": an ordinary word that ends a run of
        // capitalised words before a year is a work's title; "as Spang (1983) noted" cites an author.
        if text.isCitedAuthor(at: index) {
            let joined = ["and", "of", "the", ","].contains(before) ? index - 2 : index - 1
            let endsTitle = isWord && !isName && (text.token(joined).map { $0.kind == .word && $0.isCapitalized } ?? false)
            return word.text.count >= 2 && !word.isAllCaps && !endsTitle
        }
        if word.text.count < 3 { return false }
        // "Braverman (left)": a caption; "Image: Huebi": a credit; '," Dewar said': a quote's speaker.
        if text.isPunctuation(index + 1, "("), Self.captionPositions.contains(text.lower(index + 2)), text.isPunctuation(index + 3, ")") {
            return true
        }
        if text.isPunctuation(index - 1, ":"), Self.creditWords.contains(text.lower(index - 2)), !word.isAllCaps { return true }
        if Lexicon.speechVerbs.contains(after), isName || !word.lower.hasSuffix("s") && looksLikeSurname(word), !text[index + 1].isCapitalized {
            return true
        }
        if word.sentenceInitial && !(isName && !isWord) {
            // "Galois returned to mathematics", "Warhol's new meaning": at the start of a sentence only
            // a verb of a person's life or a possessive after it makes a word a name; "Wilkins also said":
            // an adverb may stand between.
            let verbIndex = Self.verbAdverbs.contains(text.lower(index + 1)) ? index + 2 : index + 1
            // "Holt opened 2012 with Altoona": a known surname before a verb in the past tense.
            let pastTense: (Token) -> Bool = { $0.kind == .word && !$0.isCapitalized && $0.lower.count > 4 && $0.lower.hasSuffix("ed") }
            guard let next = text.token(index + 1), !next.lineBreakBefore, let verb = text.token(verbIndex) else { return false }
            // "Holt began his career", "Holt made her debut": a verb with a person's possessive after it; "her"
            // before a noun only ("sent her a letter" has an object).
            let personalObject = verb.kind == .word && !verb.isCapitalized && !verb.classes.contains(.function)
                && (text.lower(verbIndex + 1) == "his" || text.lower(verbIndex + 1) == "her"
                    && text.token(verbIndex + 2).map { $0.kind == .word && !$0.isCapitalized && !$0.classes.contains(.function) } ?? false)
            guard next.text == "'s" || next.text == "'" || Self.personVerbs.contains(verb.lower) || isName && pastTense(verb)
                    || personalObject else {
                return false
            }
            // "Holt graduated", "Goldsmith's test": a surname that is also a word needs a verb only a
            // person does, or a possessive; "Wilkins said": so does an unknown word shaped like a plural.
            // "Holt was drafted": a passive only a person undergoes counts as such a verb.
            let personOnly = Self.personVerbs.contains(verb.lower) && !Self.sharedVerbs.contains(verb.lower)
                || ["was", "is"].contains(verb.lower) && Self.personPassives.contains(text.lower(verbIndex + 1))
                || isName && pastTense(verb) && !Self.sharedVerbs.contains(verb.lower) && text.lower(verbIndex + 1) != "by"
                || personalObject
            if isName && isWord { return personOnly || next.text == "'s" }
            return !isWord && (looksLikeSurname(word) && !isCompound(word) || personOnly)
        }
        // "interest in Warhol's legacy", "from Quilis's terms": a possessive before a lower-case word is a
        // person's more often than a place's, which the gazetteer would have known.
        let possessive = (after == "'s" || after == "'" && word.lower.hasSuffix("s"))
            && (text.token(index + 2).map { $0.kind == .word && !$0.isCapitalized } ?? false)
            // "the death of Petronios", "on behalf of Horsiesios": "of" after a noun of a person's life.
            || before == "of" && Self.personalNouns.contains(text.lower(index - 2))
        switch (isName, isWord) {
        case (true, false):
            return true
        case (true, true):
            // "Green versus United States" but not "in Rock" or a heading word; "Carnegie Hall",
            // "Volgograd Arena", "30 Rock": nor the last word of another name.
            let previous = text.token(index - 1)
            let endsName = previous.map {
                ($0.kind == .word && $0.isCapitalized && !$0.sentenceInitial && $0.classes.isDisjoint(with: [.function, .common, .title])
                    || $0.kind == .number) && !word.lineBreakBefore
            } ?? false
            return !word.sentenceInitial && (!Self.prepositions.contains(before) || possessive) && !endsName
        case (false, true):
            return false
        case (false, false):
            // An unknown capitalised word inside a sentence is most often a surname ("Warhol",
            // "Zurbarán"); after a preposition of place it is a place ("in Coron"); after "of" or
            // "called", in quotes or brackets, or before "is", a thing more often than a person.
            let after = text.lower(index + 1)
            return !word.sentenceInitial && looksLikeSurname(word) && !isCompound(word)
                && (possessive || !["in", "at", "from", "near", "into", "across", "around", "outside", "via", "of", "on",
                     "called", "named", "/", "\"", "“"].contains(before))
                // "awarded to Dvořák", but "flights to Coron".
                && !(before == "to" && Lexicon.motionWords.contains(text.lower(index - 2)))
                && !["is", "(", ")", "\"", "”", "@", "/", "-"].contains(after)
        }
    }

    /// What "X is a ..." calls X.
    private enum Description {
        case person
        case thing
    }

    /// The kind of noun that "is", "was" and an article after `index` lead to within three words: a work, a
    /// language or a name ("is the name given by") is a thing; a title or a role that ends its phrase ("is a
    /// professor at", but not "a major city") is a person.
    private func description(after index: Int, in text: AnnotatedText) -> Description? {
        guard ["is", "was"].contains(text.lower(index + 1)), ["a", "an", "the"].contains(text.lower(index + 2)) else { return nil }
        for cursor in index + 3..<index + 6 {
            guard let token = text.token(cursor), token.kind == .word, !token.classes.contains(.function) else { return nil }
            if Self.thingNouns.contains(token.lower) || token.lower == "name" { return .thing }
            if Lexicon.titles.contains(token.lower) {
                let next = text.token(cursor + 1)
                let endsPhrase = next.map { $0.kind != .word || $0.classes.contains(.function) } ?? true
                return endsPhrase ? .person : nil
            }
        }
        return nil
    }

    /// Titles that stand only before a person's name, unlike "Prince" or "Captain" ("Prince Series",
    /// "Captain America").
    private static let personHonorifics: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "mr.", "dr.", "messrs", "president", "senator", "sen", "governor", "judge",
        "justice", "mayor", "congressman", "congresswoman", "chancellor", "premier", "ambassador",
    ]

    /// "II", "XIV", and "I" after a ruler's title: Roman numerals of a regnal number.
    private static func isRegnalNumber(_ token: Token) -> Bool {
        token.kind == .word && token.text.count <= 5 && token.text.allSatisfy { "IVX".contains($0) }
    }

    /// Verbs that mostly follow a person's name at the start of a sentence.
    private static let personVerbs: Set<String> = [
        "said", "says", "told", "added", "explained", "wrote", "argued", "claimed", "noted", "stated", "recalled",
        "was", "is", "has", "had", "became", "returned", "died", "married", "won", "joined", "moved", "began",
        "served", "received", "studied", "left", "took", "played", "continued", "decided", "published", "went",
        "remained", "attended", "graduated", "worked", "lived", "spent", "believed", "announced", "replied",
        "asked", "answered", "described", "admitted", "insisted", "denied", "met", "founded", "led", "lost",
        "wanted", "wants", "thinks", "thought", "knew", "felt", "himself", "herself", "who", "proposed",
        "recommended", "visited", "urged", "suggested", "criticized", "criticised", "praised", "observed",
        "asserted", "auditioned", "composed", "taught", "conceded", "testified", "tweeted", "confessed", "retired",
        "starred", "sang", "painted",
    ]

    /// Verbs of `personVerbs` that things and groups do as well ("Spring was", "Kazakhs who").
    private static let sharedVerbs: Set<String> = [
        "was", "is", "has", "had", "became", "who", "won", "lost", "joined", "began", "continued", "remained", "left",
        "took", "played", "led", "moved", "received", "went", "served", "himself", "herself", "proposed",
        "recommended", "visited", "urged", "suggested", "criticized", "criticised", "praised", "observed",
    ]

    /// Participles after "was" that mostly tell of a person: "Holt was drafted", "Marbles was born".
    static let personPassives: Set<String> = [
        "born", "raised", "educated", "married", "elected", "appointed", "drafted", "knighted", "baptized", "baptised",
        "buried", "ordained", "nominated", "sworn", "hired", "fired", "arrested", "sentenced", "convicted",
        "acquitted", "promoted", "injured", "wounded", "killed", "murdered", "kidnapped", "exiled", "imprisoned",
    ]

    /// Nouns before "of" that a person's name follows: "the death of", "a portrait of", "on behalf of".
    private static let personalNouns: Set<String> = [
        "death", "birth", "life", "son", "daughter", "wife", "husband", "widow", "father", "mother", "brother",
        "sister", "help", "behalf", "favorite", "favourite", "reign", "disciple", "disciples", "successor",
        "predecessor", "legend", "memory", "murder", "assassination", "funeral", "portrait", "biography",
        "followers", "supporters", "friend", "friends", "student", "students", "pupil", "widower",
    ]

    /// Nouns of a person's rule or following after "the" and a surname: "the Bush administration".
    private static let leaderNouns: Set<String> = [
        "administration", "government", "presidency", "cabinet", "campaign", "era", "regime", "doctrine", "memorial",
    ]

    /// Words in brackets after a name in a photo caption: "Braverman (left)".
    private static let captionPositions: Set<String> = ["left", "right", "center", "centre", "pictured", "top", "bottom"]

    /// Labels before the name of a picture's author: "Image: Huebi".
    private static let creditWords: Set<String> = ["image", "photo", "photograph", "picture", "video", "credit", "photos", "images"]


    /// Adverbs that may stand between a name and its verb: "Wilkins also said".
    private static let verbAdverbs: Set<String> = [
        "also", "then", "later", "originally", "again", "subsequently", "still", "never", "first", "soon",
        "eventually", "finally", "initially", "previously", "recently", "often", "once", "immediately", "reportedly",
    ]

    /// Nouns before a capitalised name that make it the name of a work or a thing: "the film Watchmen".
    private static let thingNouns: Set<String> = [
        "book", "books", "film", "films", "movie", "novel", "album", "song", "opera", "operas", "play", "journal",
        "magazine", "newspaper", "website", "site", "company", "brand", "firm", "software", "app", "game", "spacecraft",
        "ship", "vessel", "shuttle", "species", "genus", "cyclone", "hurricane", "storm", "typhoon", "giant",
        "agency", "band", "label", "series", "show", "programme", "project", "mission", "language", "dialect",
    ]

    /// Articles of Romance languages that start names of places and things: "La Désirade", "Los Alamos".
    /// "Le" and "Les" are left out: they also start people's names ("Le Pen", "Les Paul").
    private static let leadingArticles: Set<String> = ["la", "los", "las", "el", "il"]

    /// Nouns after a capitalised word that make it a people's or a language's name: "Moriori people".
    private static let groupNouns: Set<String> = [
        "people", "peoples", "language", "languages", "speakers", "speaking", "culture", "cultures", "community",
        "communities", "tribe", "tribes", "dialect", "dialects", "descent", "cuisine", "ethnicity", "men", "women",
        "villages", "areas",
    ]

    /// Quotation marks that open and close a title: '"Insurgency Wiki"'.
    private static let openingQuotes: Set<String> = ["\"", "“", "'", "‘"]
    private static let closingQuotes: Set<String> = ["\"", "”", "'", "’"]

    private static let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"]
    private static let prepositions: Set<String> = ["in", "at", "of", "on", "for", "to", "from", "by", "with", "into", "about"]

    /// Capitals inside a word ("LibriVox", "CoM") mark brands and acronyms, except after the prefixes of
    /// surnames ("McKenzie", "DeVito", "O'Rourke"); "-ia", "-ology", "-ity" end names of places and fields.
    private func looksLikeSurname(_ token: Token) -> Bool {
        let lower = token.lower
        // "Scientologist", "Calvinists": followers of a faith or a school.
        if ["ia", "ica", "ology", "ity", "ism", "land", "stan", "ware", "soft", "net", "com", "ist", "ists"].contains(where: { lower.hasSuffix($0) }) {
            return false
        }
        // "Chitonga-speaking", "Michelin-rated", "Class-A", "L-band": a compound with a lower-case or
        // one-letter part is a description or a thing's name.
        let parts = token.text.split(separator: "-")
        if parts.count > 1, parts.dropFirst().contains(where: { $0.first?.isLowercase ?? true }) || parts.contains(where: { $0.count == 1 }) {
            return false
        }
        // A plural after a consonant ("Kazakhs", "Uzbeks", "Polaroids") names a group or a brand;
        // surnames in -s mostly end in a vowel and s ("Adomėnas", "Pavilionis", "Theodorus").
        let scalars = Array(lower.unicodeScalars)
        if scalars.count >= 3, scalars[scalars.count - 1] == "s", let before = scalars.dropLast().last,
           !"aeiouyėąęįųūs".unicodeScalars.contains(before) {
            return false
        }
        var previous: Character = " "
        var index = 0
        for character in token.text {
            if index > 0, character.isUppercase, previous != "-", previous != "'" {
                let head = token.text.prefix(index)
                if !["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "O"].contains(head) { return false }
            }
            previous = character
            index += 1
        }
        return true
    }

    /// "Stardust", "Rivertrail", "Gameplay": two ordinary words run together name a thing or a place;
    /// surnames of that shape ("Goldsmith", "Woodward") are on the name lists.
    private func isCompound(_ token: Token) -> Bool {
        let scalars = Array(token.lower.unicodeScalars)
        guard scalars.count >= 8, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return false }
        for cut in 4...(scalars.count - 4) {
            var head = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<cut])
            var tail = String.UnicodeScalarView()
            tail.append(contentsOf: scalars[cut...])
            if names.words.contains(String(head)) && names.words.contains(String(tail)) { return true }
        }
        return false
    }

    /// "Virginia", "Georgia": a word that names a country, a continent or a region, whatever else it names first.
    private func namesRegion(_ token: Token) -> Bool {
        token.classes.contains(.placeStart)
            && gazetteer.candidates(named: token.lower).contains { ["country", "region", "continent"].contains($0.kind) }
    }

    private func isName(_ token: Token) -> Bool {
        !token.classes.isDisjoint(with: .name)
    }

    /// An ordinary word, also in the plural ("Pirates") or as a participle ("Processing", "Walked").
    private func isWord(_ token: Token) -> Bool {
        if token.classes.contains(.dictionaryWord) { return true }
        guard let last = token.lower.utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "g") || last == UInt8(ascii: "d") else {
            return false
        }
        return names.isWord(token.lower)
    }

    /// "Spanish", "Afghans", "Muslims": words for peoples and languages, not names of persons.
    private func isDemonym(_ token: Token) -> Bool {
        guard !isName(token) else { return false }
        if token.classes.contains(.demonym) { return true }
        // "-ese" is left to the list: it also ends Italian surnames ("Cortese", "Albanese").
        return ["ian", "ians", "ish", "ic", "ics", "ean", "eans", "ans", "ists", "ism", "ims", "ites", "ines"]
            .contains { token.lower.hasSuffix($0) }
    }

    private func isTitle(_ token: Token) -> Bool {
        guard token.kind == .word, token.isCapitalized || token.text.count > 3 else { return false }
        if token.classes.contains(.title) { return true }
        // "Major-General", "Lieutenant-Colonel": a title of titles.
        guard token.lower.utf8.contains(UInt8(ascii: "-")) else { return false }
        return token.lower.split(separator: "-").allSatisfy { Lexicon.titles.contains(String($0)) }
    }

    /// A capitalised word that may describe a person before the name but is no part of it: an ordinary
    /// word, a people's name, an acronym, an organisation's word, a follower ("Scientologist").
    private func isDescription(_ token: Token) -> Bool {
        guard token.kind == .word, token.isCapitalized, !isName(token), !token.classes.contains(.worldGivenName) else { return false }
        return isWord(token) || isDemonym(token) || token.isAllCaps || token.classes.contains(.organisation)
            || token.lower.hasSuffix("ist") || token.lower.hasSuffix("ists")
    }

    /// "Pan-democrat", "Ex-President", "Co-founder": a hyphenated word whose last part is an ordinary
    /// word or a title, not a double-barrelled name ("Bailey-Ross", "Jean-Louis").
    private func isHyphenatedDescription(_ token: Token) -> Bool {
        guard token.kind == .word, token.lower.utf8.contains(UInt8(ascii: "-")),
              let last = token.lower.split(separator: "-").last.map(String.init) else { return false }
        return Lexicon.titles.contains(last) || names.isWord(last) && !names.isName(last)
    }

    /// "d'Herbinville", "d'Alembert": an elided particle before a capitalised name.
    private static func isElidedParticle(_ token: Token) -> Bool {
        let scalars = Array(token.text.unicodeScalars)
        return scalars.count >= 4 && (scalars[0] == "d" || scalars[0] == "l") && scalars[1] == "'"
            && scalars[2].properties.isUppercase
    }

    /// A title in lower case right before the run: "the president Joe Biden", "Mr. Nurdauletov".
    private func isTitle(before index: Int, in text: AnnotatedText) -> Bool {
        var previous = index - 1
        if text.isPunctuation(previous, ".") { previous -= 1 }
        guard let token = text.token(previous), token.kind == .word, !text.isClaimed(previous) else { return false }
        return Lexicon.titles.contains(token.lower) && !["head", "leader", "chair", "player", "writer"].contains(token.lower)
            && !Self.possessiveTitles.contains(token.lower)
    }

    /// "His Excellency", "Her Majesty": possessives that are part of a title before another title only;
    /// "his Cello Concerto" is a work.
    private static let possessiveTitles: Set<String> = ["his", "her"]

    // MARK: Normal form

    /// The name as written, all-caps names in title case, curly apostrophes straight.
    private func normalized(_ range: Range<Int>, in text: AnnotatedText) -> String {
        let allCaps = range.allSatisfy { text[$0].kind != .word || text[$0].isAllCaps || text[$0].text.count == 1 }
        guard allCaps else { return text.surface(range) }
        var result = ""
        for index in range {
            let token = text[index]
            if index > range.lowerBound && token.spaceBefore { result += " " }
            result += token.kind == .word ? Self.titleCased(token.text) : token.text
        }
        return result
    }

    /// "MORKŪNAITĖ-MIKULĖNIENĖ" -> "Morkūnaitė-Mikulėnienė".
    static func titleCased(_ word: String) -> String {
        var result = ""
        var startOfPart = true
        for character in word {
            result += startOfPart ? character.uppercased() : character.lowercased()
            startOfPart = character == "-" || character == "'" || character == " "
        }
        return result
    }
}
