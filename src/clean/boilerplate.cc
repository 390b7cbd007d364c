// Boilerplate removal for plain text.
//
// The idea. Text that reaches us without markup (a text file, a JSONL "text" field, or HTML we
// flattened) still carries the furniture of the page it came from: "Follow" and "Share" buttons,
// "- Advertisement -" markers, a donation appeal, a byline, the outlet's signature, a credit line
// naming the wire agencies, an aggregator's "Ask me anything". Such furniture has three telling
// properties, and each rule below uses one of them:
//
//  1. Vocabulary. Interface lines are made almost entirely of a small vocabulary (calls to
//     action, their objects, pronouns): "Follow us on Facebook", "Explore related questions".
//     A line whose every word is interface vocabulary, with at least one call to action, is
//     navigation wherever it stands. Advertisement markers, link labels ("Read more: ...") and
//     credit lines ("with DPA and Reuters", "(Reporting by ...; Editing by ...)") are recognised by
//     their whole shape, so a news sentence that merely contains "follow" or "support" is safe.
//  2. Address. Appeals talk to the reader ("you", "your support") about the outlet ("we",
//     "our journalism") with donation / subscription vocabulary, and never report anybody's words.
//     A paragraph with a salutation ("Dear readers,"), an appeal header ("A message from ..:") or
//     two appeal cues addressed to "you" seeds an appeal block; the block grows to neighbouring
//     paragraphs that speak in the first or second person without reporting verbs, and stops at
//     the first paragraph that reads like news (a reporting verb, or no address at all).
//  3. Position. Bylines, taglines and leftover buttons sit at the edges of the text. Only the
//     leading and trailing runs of the text are searched for bylines ("By Jane Doe",
//     "Jane Doe, Staff Reporter"), copyright / signature lines, and short non-sentence lines with
//     a call to action; short lines that follow a byline or credit at the very end are the
//     outlet's tagline. Inside the body, short title-case lines are subheadings and are kept; the
//     first line of a text file, often its headline, is kept too (it is the reader's text, and the
//     title may carry claims the body repeats).
//  4. Repetition. A paragraph that occurs in `template_min_articles` distinct articles of the same
//     outlet (TemplateModel) is the outlet's template. Because an outlet may legitimately repeat a
//     news paragraph across updates of one story, a repeated *sentence-like* paragraph is removed
//     only within the edge runs; repeated short lines or lines with cue words go anywhere.
//     Outlet "unknown" (and empty) pools unrelated sources, so it has no templates.
//
// Every removed paragraph is reported with its kind; bylines fill `authors`, credit lines fill
// `credits` with the credited parties one per entry ("DPA", "Reuters", "Jane Doe"), the whole line
// staying visible in `removed`.
//
// Cost: one pass to split and fold paragraphs, O(words) hash lookups per paragraph, then linear
// passes for the appeal expansion and the two edge scans: O(text) overall.
//
// References: the plain-text half of jusText (Pomikálek 2011: short / link-dense / stopword-poor
// blocks, context-sensitive smoothing) and boilerpipe's shallow text features (Kohlschütter et al.
// 2010) inspired the "short line at the edge" and "grow from a confident seed" rules; per-site
// template detection follows the classic "blocks repeated across pages of a site" observation
// (Bar-Yossef & Rajagopalan 2002). No code from those projects is used.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/ascii.h"
#include "crosscheck/clean.h"
#include "crosscheck/utf8.h"
#include "src/clean/cues.h"

namespace crosscheck::clean {
namespace {

// ---- paragraph features ------------------------------------------------------------------------

struct Para {
  std::string_view text;                // trimmed line
  std::vector<std::string_view> words;  // original spelling
  std::vector<std::string> folded;      // ASCII-lower-cased, typographic apostrophe -> '
  std::string joined;                   // folded words joined by ' '
  std::string padded_outside;           // " w1 w2 ... " over the text outside quotations
  bool sentence_end = false;            // ends in . ! ? … (ignoring closing quotes / brackets)
  bool has_we = false;                  // first person plural outside quotations
  bool has_you = false;                 // second person outside quotations
  std::string kind;                     // empty = keep
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits `s` into word tokens, byte ranges into `s`. Letters and digits of any script form words;
// an apostrophe or hyphen between two word characters stays inside the word ("don't",
// "Kyiv-based"); currency signs and © are one-character tokens; everything else separates.
std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  const char* p = s.data();
  const char* end = p + s.size();
  const char* start = nullptr;
  auto flush = [&](const char* at) {
    if (start) out.emplace_back(start, at - start);
    start = nullptr;
  };
  while (p < end) {
    const char* here = p;
    char32_t cp = utf8::decode(p, end);
    bool word_char = false;
    bool joiner = false;
    bool token = false;
    if (cp < 0x80) {
      word_char = ascii::is_alnum(static_cast<unsigned char>(cp));
      joiner = cp == '\'' || cp == '-';
      token = cp == '$';
    } else if (cp == 0x2019 || cp == 0x2018) {
      joiner = true;
    } else if (cp == 0xA9 || cp == 0xA3 || cp == 0x20AC || cp == 0xA5) {
      token = true;
    } else if ((cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
               (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F)) {
      word_char = false;  // Latin-1 punctuation, general punctuation, CJK punctuation
    } else {
      word_char = true;
    }
    if (word_char) {
      if (!start) start = here;
    } else if (joiner && start && p < end) {
      // keep inside the word only when a word character follows
      const char* q = p;
      char32_t next = utf8::decode(q, end);
      bool next_word = next < 0x80 ? ascii::is_alnum(static_cast<unsigned char>(next))
                                   : !(next >= 0x80 && next <= 0xBF) &&
                                         !(next >= 0x2000 && next <= 0x206F);
      if (!next_word) flush(here);
    } else {
      flush(here);
      if (token) out.emplace_back(here, p - here);
    }
  }
  flush(end);
  return out;
}

std::string fold(std::string_view w) {
  std::string out(w.size(), '\0');
  // Fast path: ASCII words are lower-cased in place into a buffer of the final size.
  size_t i = 0;
  for (; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 0x80) break;
    out[i] = ascii::to_lower(static_cast<char>(c));
  }
  if (i == w.size()) return out;
  out.resize(i);
  for (; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(ascii::to_lower(static_cast<char>(c)));
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// The text with quotations cut out: what the paragraph says in its own voice. Curly double
// quotes, guillemets and straight double quotes; an unclosed quotation runs to the end.
std::string outside_quotes(std::string_view s) {
  std::string out;
  const char* p = s.data();
  const char* end = p + s.size();
  char32_t closer = 0;
  while (p < end) {
    const char* here = p;
    char32_t cp = utf8::decode(p, end);
    if (closer) {
      if (cp == closer) {
        closer = 0;
        out.push_back(' ');
      }
      continue;
    }
    if (cp == 0x201C) {
      closer = 0x201D;
    } else if (cp == 0xAB) {
      closer = 0xBB;
    } else if (cp == '"') {
      closer = '"';
    } else if (cp == 0x201E) {
      closer = 0x201C;
    } else {
      out.append(here, p - here);
    }
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  // Skip closing quotes and brackets, then look at the last code point.
  while (!s.empty()) {
    size_t i = s.size() - 1;
    while (i > 0 && !utf8::is_lead(s[i])) --i;
    const char* p = s.data() + i;
    char32_t cp = utf8::decode(p, s.data() + s.size());
    if (cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
        cp == 0xBB || cp == '*') {
      s.remove_suffix(s.size() - i);
      continue;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
  }
  return false;
}

Para make_para(std::string_view line) {
  Para p;
  p.text = line;
  p.words = split_words(line);
  p.folded.reserve(p.words.size());
  for (std::string_view w : p.words) p.folded.push_back(fold(w));
  p.joined = join(p.folded);
  p.sentence_end = ends_sentence(line);

  std::string outside = outside_quotes(line);
  std::vector<std::string_view> own = split_words(outside);
  p.padded_outside = " ";
  p.padded_outside.reserve(outside.size() + 2);
  for (std::string_view w : own) {
    std::string f = fold(w);
    // Pronouns are short: skip the comparisons for every longer word.
    if (f.size() <= 6) {
      if (f == "we" || f == "our" || f == "ours" || f == "we're" || f == "we've" ||
          f == "we'll" || (f == "us" && w != "US")) {
        p.has_we = true;
      }
      if (f == "you" || f == "your" || f == "yours" || f == "you're" || f == "you've" ||
          f == "you'll") {
        p.has_you = true;
      }
    }
    p.padded_outside += f;
    p.padded_outside.push_back(' ');
  }
  return p;
}

bool is_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return ascii::is_digit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == 'k';
  });
}

// ---- anywhere rules ----------------------------------------------------------------------------

bool is_advertisement(const Para& p) {
  return !p.folded.empty() && p.folded.size() <= 7 && cues::is_ad_marker(p.joined);
}

// Only interface vocabulary, at least one call to action. Kind: newsletter / navigation.
std::string interface_kind(const Para& p, size_t max_words) {
  if (p.folded.empty() || p.folded.size() > 2 * max_words) return {};
  // "1. Facebook": an item of a numbered list is content.
  if (is_digits(p.folded[0]) && p.text.size() > p.words[0].size() &&
      (p.text[p.words[0].size()] == '.' || p.text[p.words[0].size()] == ')')) {
    return {};
  }
  // Long lines must be pure lists of buttons, which do not end like sentences.
  if (p.folded.size() > max_words && p.sentence_end) return {};
  bool cue = false;
  bool newsletter = false;
  for (const std::string& w : p.folded) {
    if (is_digits(w)) continue;
    if (!cues::is_ui_word(w)) return {};
    cue = cue || cues::is_ui_cue(w);
    newsletter = newsletter || w == "newsletter" || w == "newsletters" || w == "inbox";
  }
  if (!cue) return {};
  // A lone word is a button only when it cannot be a heading or a list item ("Support", "View").
  size_t real_words = 0;
  const std::string* last = nullptr;
  for (const std::string& w : p.folded) {
    if (!is_digits(w)) {
      ++real_words;
      last = &w;
    }
  }
  if (real_words == 1 && !cues::is_button_word(*last)) return {};
  return newsletter ? "newsletter" : "navigation";
}

// "Read more: <headline>", "Related | <headline>", "Tags: a, b, c".
bool is_link_line(const Para& p) {
  if (p.folded.size() > 30) return false;
  std::string_view t = p.text;
  size_t sep = t.find_first_of(":|");
  if (sep == std::string_view::npos || sep > 40) return false;
  Para label = make_para(t.substr(0, sep));
  if (label.folded.empty() || label.folded.size() > 5) return false;
  return cues::is_link_label(label.joined);
}

// "We use cookies to ...; you can change your choice in Cookie settings."
bool is_cookie_notice(const Para& p) {
  if (p.folded.size() > 80) return false;
  const std::string& s = p.padded_outside;
  return s.find(" cookies ") != std::string::npos && p.has_we && p.has_you &&
         !cues::has_reporting_cue(s);
}

// "Sign up for our newsletter and get the top stories delivered to your inbox."
// An imperative ("sign up", "subscribe") or an offer to "you" ("get ... in your inbox") about a
// newsletter; a news sentence about a newsletter reports someone and is kept.
bool is_newsletter_promo(const Para& p) {
  if (p.folded.size() < 3 || p.folded.size() > 40) return false;
  const std::string& s = p.padded_outside;
  auto has = [&](std::string_view phrase) { return s.find(phrase) != std::string::npos; };
  bool topic = has(" newsletter ") || has(" inbox ") || has(" bulletin ");
  // The promo opens with its imperative; prose that mentions subscribing to newsletters does not.
  const std::string& first = p.folded[0];
  bool imperative = first == "get" || first == "subscribe" || first == "join" ||
                    (first == "sign" && p.folded[1] == "up") || first == "signup" ||
                    (first == "don't" && p.folded[1] == "miss");
  return topic && imperative && (p.has_we || p.has_you || has(" free ")) &&
         !cues::has_reporting_cue(s);
}

// ---- names: bylines and credits ----------------------------------------------------------------

bool is_upper_start(std::string_view w) {
  unsigned char c = static_cast<unsigned char>(w.front());
  if (c < 0x80) return ascii::is_upper(static_cast<unsigned char>(c));
  return true;  // a non-ASCII letter; we cannot tell its case cheaply, so give it the benefit
}

// A personal name: 1 to 5 tokens, each capitalised (or an initial, or a particle like "van"),
// none of them a common capitalised non-name ("The", "Monday").
bool is_name(std::string_view chunk) {
  std::vector<std::string_view> tokens = split_words(chunk);
  if (tokens.empty() || tokens.size() > 5) return false;
  int capitalised = 0;
  for (std::string_view t : tokens) {
    std::string f = fold(t);
    if (cues::is_not_name(f)) return false;
    if (is_upper_start(t)) {
      ++capitalised;
    } else if (!(f == "de" || f == "van" || f == "von" || f == "der" || f == "da" || f == "al" ||
                 f == "bin" || f == "el" || f == "la" || f == "le" || f == "du" || f == "di" ||
                 f == "del" || f == "dos" || f == "ter" || f == "ibn")) {
      return false;
    }
  }
  // Any character other than letters, spaces, '.', '-' and apostrophes means it is not a name.
  for (char c : chunk) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !ascii::is_alpha(u) && c != ' ' && c != '.' && c != '-' && c != '\'') {
      return false;
    }
  }
  return capitalised > 0;
}

// A wire agency ("AFP", "dpa", "AP/Reuters"), or an organisation named like one: capitalised words
// ending in a wire word ("Associated Press", "Estuary Press Service", "Gullwing Wire").
// The second form is accepted only when `named_like_agency` (after an explicit credit lead).
bool is_agency_chunk(std::string_view chunk, bool named_like_agency = false) {
  std::vector<std::string_view> tokens = split_words(chunk);
  if (tokens.empty() || tokens.size() > 5) return false;
  if (named_like_agency && tokens.size() >= 2 && cues::is_wire_word(tokens.back()) &&
      std::all_of(tokens.begin(), tokens.end(), is_upper_start)) {
    return true;
  }
  if (tokens.size() > 3) return false;
  bool agency = false;
  for (std::string_view t : tokens) {
    if (cues::is_agency(t)) {
      agency = true;
    } else if (!cues::is_credit_filler(fold(t))) {
      return false;
    }
  }
  return agency;
}

// Splits a list of credited parties: "Jane Doe, John Roe and AFP" -> 3 chunks.
std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    std::string_view c = trim(s.substr(start, end - start));
    while (!c.empty() && (c.back() == '.' || c.back() == ',')) c.remove_suffix(1);
    if (!c.empty()) out.push_back(trim(c));
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',' || c == ';' || c == '/' || c == '&') {
      push(i);
      start = i + 1;
    } else if (c == ' ' && s.substr(i, 5) == " and ") {
      push(i);
      start = i + 5;
      i += 4;
    }
  }
  push(s.size());
  return out;
}

// Strips "(", ")", "[", "]", leading dashes / bullets and trailing '.' from a credit line.
std::string_view strip_decoration(std::string_view s) {
  s = trim(s);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (s.front() == '(' || s.front() == '[' || s.front() == '-' || s.front() == '*') {
      s.remove_prefix(1);
      changed = true;
    } else if (s.substr(0, 3) == "\xE2\x80\x94" || s.substr(0, 3) == "\xE2\x80\x93" ||
               s.substr(0, 3) == "\xE2\x80\xA2") {  // — – •
      s.remove_prefix(3);
      changed = true;
    }
    if (!s.empty() && (s.back() == ')' || s.back() == ']' || s.back() == '.' || s.back() == '-')) {
      s.remove_suffix(1);
      changed = true;
    }
    s = trim(s);
  }
  return s;
}

// Credit leads, longest first so that "with additional reporting by" wins over "with".
constexpr std::string_view kCreditLeads[] = {
    "with additional reporting by ", "additional reporting by ", "additional reporting from ",
    "with reporting by ", "with reporting from ", "reporting by ", "compiled by ",
    "writing by ", "editing by ", "edited by ", "with inputs from ", "with input from ",
    "inputs from ", "input from ", "source: ", "sources: ", "via ", "with "};

size_t match_lead(std::string_view s) {
  for (std::string_view lead : kCreditLeads) {
    if (s.size() > lead.size() && fold(s.substr(0, lead.size())) == lead) return lead.size();
  }
  return 0;
}

// "with DPA and Reuters", "(Reporting by Jane Doe in Kyiv; Editing by John Roe)", "AFP/Reuters".
bool parse_credit(const Para& p, std::vector<std::string>* credits) {
  if (p.folded.empty() || p.folded.size() > 30) return false;
  std::string_view s = strip_decoration(p.text);
  std::vector<std::string> found;
  bool any_lead = false;
  bool needs_agency = false;
  bool agency = false;
  size_t start = 0;
  // Segments separated by ';' may each open with their own lead ("...; Editing by ...").
  while (start <= s.size()) {
    size_t semi = s.find(';', start);
    std::string_view seg = trim(s.substr(start, semi == std::string_view::npos ? s.npos
                                                                               : semi - start));
    start = semi == std::string_view::npos ? s.size() + 1 : semi + 1;
    if (seg.empty()) continue;
    size_t lead = match_lead(seg);
    if (lead > 0) {
      std::string l = fold(seg.substr(0, lead));
      any_lead = true;
      if (l == "with " || l == "via " || l == "source: " || l == "sources: ") needs_agency = true;
      seg = trim(seg.substr(lead));
    } else if (any_lead) {
      return false;  // a later segment without a lead is prose, not a credit
    }
    for (std::string_view chunk : split_list(seg)) {
      // "Jane Doe in Kyiv" -> "Jane Doe"
      size_t in = chunk.find(" in ");
      if (in != std::string_view::npos) chunk = trim(chunk.substr(0, in));
      if (is_agency_chunk(chunk, /*named_like_agency=*/any_lead)) {
        agency = true;
        found.emplace_back(chunk);
      } else if (cues::is_credit_filler(fold(chunk))) {
        continue;
      } else if (any_lead && is_name(chunk)) {
        found.emplace_back(chunk);
      } else {
        return false;
      }
    }
  }
  if (found.empty()) return false;
  if ((needs_agency || !any_lead) && !agency) return false;
  credits->insert(credits->end(), found.begin(), found.end());
  return true;
}

// "By Jane Doe", "By Jane Doe and John Roe | The Outlet", "Jane Doe, Staff Reporter".
// Returns "byline" (names in *authors), "credit" when every name is an agency, or "".
std::string parse_byline(const Para& p, std::vector<std::string>* authors,
                         std::vector<std::string>* credits) {
  if (p.folded.size() < 2 || p.folded.size() > 16) return {};
  std::string_view s = trim(p.text);
  static constexpr std::string_view kLeads[] = {"by ", "written by ", "words by ", "story by ",
                                                "text by ", "reported by "};
  size_t lead = 0;
  for (std::string_view l : kLeads) {
    if (s.size() > l.size() && fold(s.substr(0, l.size())) == l) {
      lead = l.size();
      break;
    }
  }
  std::vector<std::string> names;
  bool all_agencies = true;
  if (lead > 0) {
    std::string_view rest = trim(s.substr(lead));
    // Cut an outlet / role tail after '|', a dash, or the first ',' that is not followed by a
    // further name.
    for (std::string_view sep : {std::string_view(" | "), std::string_view(" \xE2\x80\x94 "),
                                 std::string_view(" \xE2\x80\x93 "), std::string_view(" - "),
                                 std::string_view("|")}) {
      size_t at = rest.find(sep);
      if (at != std::string_view::npos) rest = trim(rest.substr(0, at));
    }
    std::vector<std::string_view> chunks = split_list(rest);
    auto is_role = [](std::string_view chunk) {
      for (std::string_view w : split_words(chunk)) {
        if (cues::is_role_word(fold(w))) return true;
      }
      return false;
    };
    for (size_t i = 0; i < chunks.size(); ++i) {
      if (i > 0 && is_role(chunks[i])) break;  // "By Jane Doe, Transport Correspondent"
      if (is_agency_chunk(chunks[i])) {
        names.emplace_back(chunks[i]);
      } else if (is_name(chunks[i])) {
        names.emplace_back(chunks[i]);
        all_agencies = false;
      } else if (i == 0) {
        return {};
      } else {
        break;  // "By Jane Doe, Staff Writer": the tail is a role or outlet
      }
    }
  } else {
    size_t comma = s.find(',');
    if (comma == std::string_view::npos) return {};
    std::string_view name = trim(s.substr(0, comma));
    Para role = make_para(s.substr(comma + 1));
    if (role.folded.empty() || role.folded.size() > 6 || !is_name(name)) return {};
    bool has_role = std::any_of(role.folded.begin(), role.folded.end(),
                                [](const std::string& w) { return cues::is_role_word(w); });
    if (!has_role) return {};
    names.emplace_back(name);
    all_agencies = false;
  }
  if (names.empty()) return {};
  if (all_agencies) {
    credits->insert(credits->end(), names.begin(), names.end());
    return "credit";
  }
  authors->insert(authors->end(), names.begin(), names.end());
  return "byline";
}

// ---- appeals -----------------------------------------------------------------------------------

bool is_salutation(const Para& p) {
  return !p.folded.empty() && p.folded.size() <= 5 && cues::is_salutation(p.joined);
}

// "A message from The Outlet:" -- the colon (or a salutation right after it) makes it a header
// rather than a heading such as "A word from our expert".
bool is_appeal_header(const std::vector<Para>& paras, size_t i) {
  const Para& p = paras[i];
  if (p.folded.empty() || p.folded.size() > 12 || !cues::is_appeal_header_lead(p.joined + " ")) {
    return false;
  }
  return p.text.back() == ':' || (i + 1 < paras.size() && is_salutation(paras[i + 1]));
}

// A paragraph in which the outlet asks "you" for money: two cues about giving, or one with two
// more about paying, spoken as "we" to "you", reporting nobody's words.
bool is_appeal_paragraph(const Para& p) {
  if (!p.has_you || !p.has_we) return false;
  int strong = 0;
  int all = cues::appeal_cues(p.padded_outside, &strong);
  return (strong >= 2 || (strong >= 1 && all >= 3)) && !cues::has_reporting_cue(p.padded_outside);
}

bool is_appeal_seed(const std::vector<Para>& paras, size_t i) {
  return is_salutation(paras[i]) || is_appeal_header(paras, i) || is_appeal_paragraph(paras[i]);
}

// May belong to an appeal block next to a seed: the outlet speaking of itself ("we", "our
// work") or appeal words, and nobody's words reported. Paragraphs that only address "you" do not
// qualify: consumer advice does that all the time.
bool is_appeal_compatible(const Para& p) {
  if (p.folded.empty()) return false;
  if (cues::has_reporting_cue(p.padded_outside)) return false;
  return p.has_we || cues::appeal_cues(p.padded_outside) >= 1;
}

void mark_appeals(std::vector<Para>& paras) {
  const size_t n = paras.size();
  std::vector<bool> in_block(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (in_block[i] || !paras[i].kind.empty() || !is_appeal_seed(paras, i)) continue;
    size_t lo = i;
    size_t hi = i;
    auto joinable = [&](size_t j) {
      // Interface lines inside or right after an appeal box are its buttons ("Remind me later").
      return is_appeal_seed(paras, j) || is_appeal_compatible(paras[j]) ||
             paras[j].kind == "navigation" || paras[j].kind == "newsletter";
    };
    while (lo > 0 && (paras[lo - 1].kind.empty() || paras[lo - 1].kind == "navigation") &&
           joinable(lo - 1)) {
      --lo;
    }
    while (hi + 1 < n &&
           (paras[hi + 1].kind.empty() || paras[hi + 1].kind == "navigation" ||
            paras[hi + 1].kind == "newsletter") &&
           joinable(hi + 1)) {
      ++hi;
    }
    for (size_t j = lo; j <= hi; ++j) in_block[j] = true;
  }
  for (size_t i = 0; i < n; ++i) {
    if (in_block[i]) paras[i].kind = "appeal";
  }
}

// ---- edges -------------------------------------------------------------------------------------

bool is_dateline(const Para& p) {
  if (p.folded.empty() || p.folded.size() > 12 || !cues::is_dateline_lead(p.folded[0]) ||
      p.text.back() == ':') {
    return false;
  }
  return std::any_of(p.folded.begin(), p.folded.end(), [](const std::string& w) {
    return ascii::is_digit(static_cast<unsigned char>(w[0])) || w == "ago";
  });
}

// Kinds that only the edge runs may take. `trailing` allows the looser "short line with a call
// to action" rule, which at the top would eat headlines such as "Markets follow Wall Street".
// `trailing` is true only at the very end of the text (no content-like short line after `p`).
std::string edge_kind(const Para& p, const BoilerplateOptions& options, bool trailing,
                      BoilerplateResult* result) {
  std::string byline = parse_byline(p, &result->authors, &result->credits);
  if (!byline.empty()) return byline;
  if (p.folded.size() <= 20 && cues::is_copyright_cue(" " + p.joined + " ")) return "copyright";
  if (is_dateline(p)) return "other";
  if (trailing && !p.sentence_end && !p.folded.empty() &&
      p.folded.size() <= options.edge_line_max_words) {
    // The call to action leads the line ("Follow us", "Keep exploring: ..."); in "National
    // Student Support Accelerator" the cue word is part of a name.
    bool cue = cues::is_ui_cue(p.folded[0]) || (p.folded.size() > 1 && cues::is_ui_cue(p.folded[1]));
    if (cue) return "navigation";
  }
  return {};
}

// Short enough to be furniture if it sits among furniture (a tagline, an appeal's "Maybe later"),
// and reporting nobody's words. Twice the edge-line budget: taglines are slogans, not labels.
bool is_weak(const Para& p, const BoilerplateOptions& options) {
  return !p.folded.empty() && p.folded.size() <= 2 * options.edge_line_max_words &&
         p.text.size() <= 160 && !cues::has_reporting_cue(p.padded_outside);
}

void mark_edges(std::vector<Para>& paras, const BoilerplateOptions& options,
                const std::vector<bool>& edge_template, BoilerplateResult* result) {
  const size_t n = paras.size();
  // Trailing run: confirmed furniture and weak lines, from the end back to the first real
  // paragraph.
  // A repeated sentence-like paragraph (edge_template) counts only while the run is unbroken by
  // weak lines: three updates of one story share their body, not just their footer.
  std::vector<size_t> weak;
  size_t first_confirmed = n;
  for (size_t k = n; k-- > 0;) {
    Para& p = paras[k];
    if (p.kind.empty() && edge_template[k] && weak.empty()) p.kind = "template";
    // Once a short unclassified line has been passed, a cue line further up is part of the
    // content (a list heading such as "Popular cities"), so the loose rule is off.
    if (p.kind.empty()) p.kind = edge_kind(p, options, /*trailing=*/weak.empty(), result);
    if (!p.kind.empty()) {
      first_confirmed = k;
      continue;
    }
    if (is_weak(p, options)) {
      weak.push_back(k);
      continue;
    }
    break;
  }
  // Weak lines after a confirmed piece of furniture belong to it: a short line after the byline
  // is the outlet's tagline, a short line after an appeal is the appeal's button.
  // Above the furniture, lines made only of interface words ("About us", "Privacy policy",
  // "Terms of use") are the site footer's links. At most two lines below a confirmed piece:
  // a signature is short, a list of short items is content.
  for (size_t k : weak) {
    const Para& p = paras[k];
    if (first_confirmed < n && p.folded.size() <= 4 &&
        std::all_of(p.folded.begin(), p.folded.end(),
                    [](const std::string& w) { return cues::is_ui_word(w); })) {
      paras[k].kind = "navigation";
      continue;
    }
    if (k < first_confirmed) continue;
    size_t c = k;
    while (c > first_confirmed && paras[c].kind.empty()) --c;
    if (k - c > 2) continue;
    const std::string& before = paras[c].kind;
    if (before == "byline" || before == "credit" || before == "tagline" ||
        before == "copyright") {
      paras[k].kind = "tagline";
    } else if (before == "appeal") {
      paras[k].kind = before;
    }
  }
  // Leading run: up to a few weak lines (headline, kicker) may be skipped over, and are kept.
  size_t skipped = 0;
  for (size_t k = 0; k < n; ++k) {
    Para& p = paras[k];
    if (p.kind.empty() && edge_template[k] && skipped == 0) p.kind = "template";
    if (p.kind.empty()) p.kind = edge_kind(p, options, /*trailing=*/false, result);
    if (!p.kind.empty()) continue;
    // Headlines run longer than labels, so the skip allows the weak-line budget, but never a
    // sentence.
    // (No reporting-verb test here: headlines are full of "says" and "government".)
    if (!p.sentence_end && p.folded.size() <= 2 * options.edge_line_max_words &&
        p.text.size() <= 160 && ++skipped <= 3) {
      continue;
    }
    break;
  }
}

bool outlet_has_templates(std::string_view outlet) {
  return !outlet.empty() && outlet != "unknown";
}

}  // namespace

BoilerplateResult remove_boilerplate(std::string_view text, std::string_view outlet,
                                     const BoilerplateOptions& options,
                                     const TemplateModel* templates) {
  BoilerplateResult result;
  std::vector<Para> paras;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(start, nl - start));
    if (!line.empty()) paras.push_back(make_para(line));
    start = nl + 1;
  }

  // 1. Rules that hold anywhere in the text. Bylines/credits found here are collected in order
  // with the edge ones later; credit lines are recognised anywhere because their shape is strict.
  std::vector<bool> edge_template(paras.size(), false);
  for (size_t i = 0; i < paras.size(); ++i) {
    Para& p = paras[i];
    if (is_advertisement(p)) {
      p.kind = "advertisement";
    } else if (std::string k = interface_kind(p, options.edge_line_max_words); !k.empty()) {
      p.kind = k;
    } else if (is_link_line(p)) {
      p.kind = "navigation";
    } else if (is_cookie_notice(p)) {
      p.kind = "navigation";
    } else if (is_newsletter_promo(p)) {
      p.kind = "newsletter";
    } else if (parse_credit(p, &result.credits)) {
      p.kind = "credit";
    } else if (templates && outlet_has_templates(outlet) &&
               templates->count(outlet, p.text) >= options.template_min_articles) {
      bool cue = p.folded.size() <= options.edge_line_max_words ||
                 std::any_of(p.folded.begin(), p.folded.end(),
                             [](const std::string& w) { return cues::is_ui_cue(w); }) ||
                 cues::appeal_cues(p.padded_outside) > 0;
      if (cue) {
        p.kind = "template";
      } else {
        edge_template[i] = true;
      }
    }
  }
  // 2. Appeal blocks grow from confident seeds.
  mark_appeals(paras);
  // 3. Edge runs: bylines, taglines, leftover buttons.
  mark_edges(paras, options, edge_template, &result);
  // 4. Buttons right after an appeal box ("Support us", "Maybe later") are part of the box.
  for (size_t i = 1; i < paras.size(); ++i) {
    const std::string& k = paras[i].kind;
    if (paras[i - 1].kind == "appeal" &&
        (k == "navigation" || k == "newsletter" || k == "other" || k == "template")) {
      paras[i].kind = "appeal";
    }
  }

  for (const Para& p : paras) {
    if (p.kind.empty()) {
      if (!result.text.empty()) result.text += "\n\n";
      result.text.append(p.text);
    } else {
      result.removed.push_back(Removed{p.kind, std::string(p.text)});
    }
  }
  return result;
}

}  // namespace crosscheck::clean
