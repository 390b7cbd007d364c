#include "src/cluster/features.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include "src/core/calendar.h"

namespace crosscheck::cluster {

namespace {

// Capitalised in English but naming no participant of the event: months and weekdays, their
// abbreviations and the time zones and clock words of datelines and timestamps ("Tue Dec 16,
// 2008 1:30 AM EST", "Last updated at 22:46 GMT"), and titles. Left as names they would make
// every "on Friday" look like a shared entity, and an outlet's timestamp format look like a
// participant the other outlets never name (the participant test then turns its article away).
constexpr std::string_view kCalendarWords[] = {
    // weekdays and their abbreviations ("sun" is left out: The Sun); months: month_number()
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    // time zones and the clock
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "et",
    "pt", "am", "pm",
    // titles
    "mr", "mrs", "ms", "dr", "i"};

bool is_calendar_word(std::string_view norm) {
  return month_number(norm) != 0 ||
         std::find(std::begin(kCalendarWords), std::end(kCalendarWords), norm) !=
             std::end(kCalendarWords);
}

// The first code point of `token` differs from that of its folded form: an upper-case initial.
bool is_capitalised(std::string_view token, std::string_view norm) {
  if (token.empty() || norm.empty()) return false;
  unsigned char c = static_cast<unsigned char>(token[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return token.substr(0, len) != norm.substr(0, len);
}

// One letter or digit is too little to tell events apart ("a", "s" from "'s", "2").
bool is_content(std::string_view term, TokenKind kind) {
  if (kind == TokenKind::kNumber) return true;
  if (kind != TokenKind::kWord) return false;
  size_t code_points = 0;
  for (char c : term) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points >= 2;
}

struct Counts {
  float body = 0;         // occurrences in the text
  float title = 0;        // occurrences in the title
  float lead = 0;         // occurrences in the lead (the body's first sentences)
  int capitalised = 0;    // capitalised occurrences inside a sentence
  int lower = 0;          // lower-case occurrences inside a sentence
  bool number = false;
};

}  // namespace

std::vector<uint32_t> salient_names(const std::vector<TermFrequency>& tf, const SparseVector& vec,
                                    uint32_t k) {
  SparseVector names;  // the repeated names' entries of vec (both sorted by term)
  size_t j = 0;
  for (const TermFrequency& t : tf) {
    if (!t.repeated_name) continue;
    while (j < vec.size() && vec[j].term < t.term) ++j;
    if (j < vec.size() && vec[j].term == t.term) names.push_back(vec[j]);
  }
  return top_terms(names, k);
}

FeatureExtractor::FeatureExtractor(const Options& options, Terms* terms)
    : options_(options), terms_(terms) {}

FeatureExtractor::~FeatureExtractor() = default;

text::Stemmer& FeatureExtractor::stemmer(const std::string& language) {
  for (auto& [lang, s] : stemmers_)
    if (lang == language) return *s;
  stemmers_.emplace_back(language, std::make_unique<text::Stemmer>(
                                       language.empty() || language == "und" ? "en" : language));
  return *stemmers_.back().second;
}

std::vector<TermFrequency> FeatureExtractor::extract(const Document& doc, const Article& article) {
  // Per-article counts, found through a dense term -> position scratch table (O(1) per token);
  // sorted by term id at the end so iteration order depends on ids only.
  std::vector<std::pair<uint32_t, Counts>> counts;
  auto slot = [&](uint32_t id) -> Counts& {
    if (id >= position_.size()) position_.resize(id + 1024, 0);
    if (position_[id] == 0) {
      counts.push_back({id, Counts{}});
      position_[id] = static_cast<uint32_t>(counts.size());
    }
    return counts[position_[id] - 1].second;
  };

  const bool have_stems = doc.stems.size() == doc.tokens.size();
  const bool have_norms = doc.norms.size() == doc.tokens.size();
  size_t sentence = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& tok = doc.tokens[i];
    if (tok.kind != TokenKind::kWord && tok.kind != TokenKind::kNumber) continue;
    std::string_view surface = doc.token_text(tok);
    std::string folded;
    std::string_view norm;
    if (have_norms) {
      norm = doc.norms[i];
    } else {
      folded = text::fold(surface);
      norm = folded;
    }
    std::string_view term = have_stems && !doc.stems[i].empty() ? std::string_view(doc.stems[i])
                                                                  : norm;
    if (!is_content(term, tok.kind)) continue;
    // Sentence start: every earlier token of the sentence is punctuation (opening quotes, dashes).
    while (sentence < doc.sentences.size() && doc.sentences[sentence].token_end <= i) ++sentence;
    bool at_start = true;
    const bool in_sentence = sentence < doc.sentences.size();
    if (in_sentence) {
      for (size_t j = doc.sentences[sentence].token_begin; j < i; ++j) {
        if (doc.tokens[j].kind == TokenKind::kWord || doc.tokens[j].kind == TokenKind::kNumber) {
          at_start = false;
          break;
        }
      }
    } else {
      at_start = i == 0;
    }
    Counts& c = slot(terms_->intern(term));
    c.body += 1;
    if (in_sentence && sentence < options_.lead_sentences) c.lead += 1;
    if (tok.kind == TokenKind::kNumber) {
      c.number = true;
    } else if (!at_start) {
      // Only a capitalised occurrence can make a name, so only those are looked up in the
      // calendar words (a lookup for every token was 3% of `crosscheck cluster`).
      if (!is_capitalised(surface, norm)) {
        ++c.lower;
      } else if (!is_calendar_word(norm)) {
        ++c.capitalised;
      }
    }
  }

  if (!article.title.empty() && options_.title_boost > 0) {
    // Titles are not part of the Document (its offsets point into the body), so analyse here.
    text::Stemmer& st = stemmer(doc.language);
    std::vector<Token> tokens = text::tokenize(article.title);
    for (const Token& tok : tokens) {
      if (tok.kind != TokenKind::kWord && tok.kind != TokenKind::kNumber) continue;
      std::string norm = text::fold(std::string_view(article.title).substr(tok.begin,
                                                                          tok.end - tok.begin));
      std::string term = tok.kind == TokenKind::kWord ? st.stem(norm) : norm;
      if (term.empty()) term = norm;
      if (!is_content(term, tok.kind)) continue;
      Counts& c = slot(terms_->intern(term));
      c.title += 1;
      if (tok.kind == TokenKind::kNumber) c.number = true;
    }
  }

  for (const auto& entry : counts) position_[entry.first] = 0;
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<TermFrequency> out;
  out.reserve(counts.size());
  for (const auto& [id, c] : counts) {
    double n = c.body + options_.title_boost * c.title + options_.lead_boost * c.lead;
    double tf = 1.0 + std::log(std::max(1.0, n));
    const bool name = !c.number && c.capitalised > c.lower;
    if (c.number) {
      tf *= options_.number_boost;
    } else if (name) {
      tf *= options_.name_boost;
    }
    out.push_back({id, static_cast<float>(tf), name && n >= 2});
  }
  return out;
}

}  // namespace crosscheck::cluster
