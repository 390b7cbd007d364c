// PolNeAR evaluation of extract_quotes: detection precision / recall of direct quotations and
// speaker accuracy on the ones found. Definitions in evaluate.h and docs/quotes-notes.md.
#include "src/quotes/evaluate.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "crosscheck/ascii.h"
#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/entities/gzip_file.h"

namespace crosscheck::quotes {
namespace {

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) out.push_back(utf8::decode(p, end));
  return out;
}

bool opening_mark(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E ||
         c == 0x201D;  // ” opens in sloppy copy
}
bool closing_mark(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x201C;
}
bool is_space(char32_t c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0; }
bool trailing_punct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026 ||
         c == 0x2014 || c == 0x2013 || c == '-';
}

uint32_t overlap(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  uint32_t lo = std::max(a0, b0), hi = std::min(a1, b1);
  return hi > lo ? hi - lo : 0;
}
uint32_t overlap(uint32_t a0, uint32_t a1, const Fragments& f) {
  uint32_t total = 0;
  for (const auto& [b0, b1] : f) total += overlap(a0, a1, b0, b1);
  return total;
}
uint32_t length(const Fragments& f) {
  uint32_t total = 0;
  for (const auto& [b0, b1] : f) total += b1 > b0 ? b1 - b0 : 0;
  return total;
}

std::string fragment_text(const std::u32string& text, const Fragments& f) {
  std::string out;
  for (const auto& [b, e] : f) {
    if (!out.empty()) out.push_back(' ');
    for (uint32_t i = b; i < e && i < text.size(); ++i) utf8::append(out, text[i]);
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = ascii::to_lower(c);
  return s;
}

// The last word of a name, lower case, without possessive or punctuation: "Mr. Trump's" -> trump.
std::string last_word(std::string_view name) {
  std::string s(name);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.' || s.back() == ')'))
    s.pop_back();
  size_t sp = s.find_last_of(' ');
  std::string w = sp == std::string::npos ? s : s.substr(sp + 1);
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) w.resize(w.size() - 2);
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.resize(w.size() - 4);
  w = lower_ascii(w);
  if ((w == "jr" || w == "sr" || w == "ii" || w == "iii") && sp != std::string::npos)
    return last_word(std::string_view(s).substr(0, sp));
  return w;
}

// The words of a gold span, lower case, without punctuation or possessives.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    if (cur.size() > 2 && cur.substr(cur.size() - 2) == "'s") cur.resize(cur.size() - 2);
    if (!cur.empty()) out.push_back(lower_ascii(cur));
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      cur.push_back('\'');  // ’ as an apostrophe
      i += 2;
      continue;
    }
    if (c == ' ' || c == ',' || c == '.' || c == '(' || c == ')' || c == '\n' || c == ';' ||
        c == ':')
      flush();
    else
      cur.push_back(static_cast<char>(c));
  }
  flush();
  return out;
}

bool contains_word(const std::vector<std::string>& words, const std::string& w) {
  return !w.empty() && std::find(words.begin(), words.end(), w) != words.end();
}

enum SourceKind { kName = 0, kPronoun = 1, kNominal = 2 };

SourceKind source_kind(std::string_view text) {
  std::string t = lower_ascii(std::string(text));
  static constexpr std::string_view kPronouns[] = {"he",  "she", "they", "it",   "i", "we",
                                                   "you", "him", "her",  "them", "us"};
  for (std::string_view p : kPronouns)
    if (t == p) return kPronoun;
  if (text.empty()) return kNominal;
  unsigned char c = static_cast<unsigned char>(text[0]);
  if (!(c >= 'A' && c <= 'Z') && c < 0x80) return kNominal;
  size_t sp = t.find(' ');
  std::string first = t.substr(0, sp);
  static constexpr std::string_view kDeterminers[] = {
      "the",     "a",     "an",      "his",  "her",  "their", "its",   "our",    "my",   "one",
      "another", "some",  "several", "many", "most", "two",   "three", "both",   "this", "that",
      "these",   "those", "other",   "all",  "each", "any",   "no",    "former", "top",  "senior"};
  for (std::string_view d : kDeterminers)
    if (first == d) return kNominal;
  return kName;
}

std::string context(const std::u32string& text, uint32_t b, uint32_t e) {
  uint32_t lo = b > 60 ? b - 60 : 0;
  uint32_t hi = std::min<uint32_t>(static_cast<uint32_t>(text.size()), e + 60);
  std::string out;
  for (uint32_t i = lo; i < hi; ++i) {
    if (i == b) out += "[[";
    char32_t c = text[i];
    utf8::append(out, c == '\n' ? U'¶' : c);
    if (i + 1 == e) out += "]]";
  }
  return out;
}

}  // namespace

bool is_direct_content(const std::u32string& text, const Fragments& content) {
  if (content.empty()) return false;
  uint32_t b = content.front().first, e = content.back().second;
  if (e > text.size() || b >= e) return false;
  while (b < e && is_space(text[b])) ++b;
  while (e > b && (is_space(text[e - 1]) || trailing_punct(text[e - 1]))) --e;
  if (e - b < 2) return false;
  return opening_mark(text[b]) && closing_mark(text[e - 1]);
}

std::vector<GoldAttribution> parse_brat(std::string_view ann, std::string_view text) {
  std::map<std::string, Fragments, std::less<>> spans;
  std::vector<std::vector<std::pair<std::string, std::string>>> events;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    std::string_view line = ann.substr(pos, nl == std::string_view::npos ? ann.npos : nl - pos);
    pos = nl == std::string_view::npos ? ann.size() : nl + 1;
    if (line.size() < 3 || (line[0] != 'T' && line[0] != 'E')) continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab < 2) continue;
    std::string_view id = line.substr(0, tab);
    bool digits = true;
    for (size_t i = 1; i < id.size(); ++i) digits = digits && id[i] >= '0' && id[i] <= '9';
    if (!digits) continue;
    std::string_view rest = line.substr(tab + 1);
    if (line[0] == 'T') {
      size_t tab2 = rest.find('\t');
      std::string_view head = rest.substr(0, tab2);
      size_t sp = head.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string_view offs = head.substr(sp + 1);
      Fragments f;
      size_t p = 0;
      bool ok = true;
      while (p < offs.size()) {
        size_t semi = offs.find(';', p);
        std::string_view piece =
            offs.substr(p, semi == std::string_view::npos ? offs.npos : semi - p);
        p = semi == std::string_view::npos ? offs.size() : semi + 1;
        size_t s2 = piece.find(' ');
        if (s2 == std::string_view::npos) {
          ok = false;
          break;
        }
        try {
          uint32_t b = static_cast<uint32_t>(std::stoul(std::string(piece.substr(0, s2))));
          uint32_t e = static_cast<uint32_t>(std::stoul(std::string(piece.substr(s2 + 1))));
          f.emplace_back(b, e);
        } catch (...) {
          ok = false;
          break;
        }
      }
      if (ok && !f.empty()) spans[std::string(id)] = std::move(f);
    } else {
      std::vector<std::pair<std::string, std::string>> args;
      size_t p = 0;
      while (p < rest.size()) {
        size_t sp = rest.find_first_of(" \t\r", p);
        std::string_view arg = rest.substr(p, sp == std::string_view::npos ? rest.npos : sp - p);
        p = sp == std::string_view::npos ? rest.size() : sp + 1;
        size_t colon = arg.find(':');
        if (colon == std::string_view::npos) continue;
        args.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
      }
      events.push_back(std::move(args));
    }
  }
  const std::u32string wide = decode_all(text);
  std::vector<GoldAttribution> out;
  for (const auto& args : events) {
    GoldAttribution a;
    for (const auto& [role, ref] : args) {
      auto it = spans.find(ref);
      if (it == spans.end()) continue;
      if (role == "Source")
        a.source = it->second;
      else if (role == "Cue")
        a.cue = it->second;
      else if (role == "Content")
        a.content = it->second;
    }
    if (a.content.empty()) continue;
    a.direct = is_direct_content(wide, a.content);
    out.push_back(std::move(a));
  }
  return out;
}

bool load_polnear(const std::string& dir, std::vector<GoldArticle>* out, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path text_dir = fs::path(dir) / "text", ann_dir = fs::path(dir) / "attributions";
  std::vector<std::string> texts, anns;
  for (const auto& e : fs::directory_iterator(text_dir, ec)) texts.push_back(e.path().filename());
  if (ec || texts.empty()) {
    if (error) *error = "cannot read " + text_dir.string();
    return false;
  }
  for (const auto& e : fs::directory_iterator(ann_dir, ec)) anns.push_back(e.path().filename());
  std::sort(texts.begin(), texts.end());
  std::sort(anns.begin(), anns.end());
  for (const std::string& t : texts) {
    const std::string suffix = ".txt.gz";
    if (t.size() <= suffix.size() || t.substr(t.size() - suffix.size()) != suffix) continue;
    GoldArticle g;
    g.name = t.substr(0, t.size() - suffix.size());
    if (!entities::read_file_maybe_gzip((text_dir / t).string(), &g.text)) {
      if (error) *error = "cannot read " + (text_dir / t).string();
      return false;
    }
    // First annotator: "<name>_<4 hex>.ann.gz", in file name order.
    auto it = std::lower_bound(anns.begin(), anns.end(), g.name + "_");
    if (it != anns.end() && it->size() == g.name.size() + 1 + 4 + 7 &&
        it->compare(0, g.name.size() + 1, g.name + "_") == 0) {
      std::string ann;
      if (entities::read_file_maybe_gzip((ann_dir / *it).string(), &ann))
        g.attributions = parse_brat(ann, g.text);
    }
    out->push_back(std::move(g));
  }
  return true;
}

EvalReport evaluate(const std::vector<GoldArticle>& gold, const QuoteOptions& options,
                    std::vector<std::string>* errors) {
  EvalReport r;
  text::AnalyzerOptions ao;
  ao.detect_language = false;
  ao.stem = false;
  text::Analyzer analyzer(ao);
  QuoteOptions with_partial = options;
  with_partial.include_partial = true;
  for (const GoldArticle& g : gold) {
    ++r.articles;
    Article article;
    article.id = g.name;
    article.text = g.text;
    Document doc = analyzer.analyze(article);
    std::vector<Quote> quotes = extract_quotes(doc, with_partial);
    const std::u32string wide = decode_all(g.text);
    std::vector<const Quote*> full;
    for (const Quote& q : quotes)
      if (!q.partial) full.push_back(&q);

    // Precision.
    for (const Quote* q : full) {
      ++r.predicted;
      const uint32_t len = q->span.cp_end - q->span.cp_begin;
      bool any = false, direct = false;
      for (const GoldAttribution& a : g.attributions) {
        uint32_t ov = overlap(q->span.cp_begin, q->span.cp_end, a.content);
        if (2 * ov >= len) {
          any = true;
          if (a.direct) direct = true;
        }
      }
      if (any) ++r.predicted_correct;
      if (direct) ++r.predicted_direct;
      if (!any && errors)
        errors->push_back("FP\t" + g.name + "\t" + context(wide, q->span.cp_begin, q->span.cp_end));
    }

    // Recall and speakers.
    for (const GoldAttribution& a : g.attributions) {
      if (!a.direct) continue;
      ++r.gold_direct;
      const uint32_t len = length(a.content);
      uint32_t covered = 0, covered_any = 0, best_ov = 0;
      const Quote* largest = nullptr;
      const Quote* patterned = nullptr;  // the first full quote over it with attribution words
      for (const Quote& q : quotes) {
        uint32_t ov = overlap(q.span.cp_begin, q.span.cp_end, a.content);
        covered_any += ov;
        if (q.partial || ov == 0) continue;
        covered += ov;
        if (!patterned && !q.source.empty()) patterned = &q;
        if (ov > best_ov) {
          best_ov = ov;
          largest = &q;
        }
      }
      if (2 * covered_any >= len) ++r.gold_found_any;
      const uint32_t cb = a.content.front().first, ce = a.content.back().second;
      if (2 * covered < len || !largest) {
        if (errors) errors->push_back("FN\t" + g.name + "\t" + context(wide, cb, ce));
        continue;
      }
      ++r.gold_found;
      if (a.source.empty()) continue;
      ++r.speaker_total;
      // A quotation interrupted by its attribution is one gold content and several predicted
      // quotes: judge the one that carries the attribution words, else the largest.
      const Quote* best = patterned ? patterned : largest;
      const std::string gsrc = fragment_text(wide, a.source);
      const SourceKind kind = source_kind(gsrc);
      const uint32_t sb = a.source.front().first, se = a.source.back().second;
      const bool source_ok = !best->source.empty() &&
                             overlap(best->source.cp_begin, best->source.cp_end, a.source) > 0;
      const std::string surname = best->speaker ? last_word(best->speaker->name) : std::string();
      const bool speaker_ok = best->speaker && (overlap(best->speaker->span.cp_begin,
                                                        best->speaker->span.cp_end, a.source) > 0 ||
                                                contains_word(words_of(gsrc), surname));
      const bool ok = kind == kPronoun ? source_ok : (source_ok || speaker_ok);
      if (source_ok) ++r.source_correct;
      if (best->speaker) ++r.speaker_resolved;
      if (kind == kName) {
        ++r.named_total;
        if (speaker_ok) ++r.named_correct;
      }
      if (kind == kPronoun && source_ok && best->speaker) {
        ++r.pronoun_resolved;
        if (errors) {
          uint32_t from = sb > 500 ? sb - 500 : 0;
          std::string before;
          for (uint32_t i = from; i < se && i < wide.size(); ++i)
            utf8::append(before, wide[i] == '\n' ? U'¶' : wide[i]);
          errors->push_back("PRON\t" + g.name + "\t" + best->speaker->name + "\t" + before);
        }
      }
      ++r.by_kind_total[kind];
      if (ok) {
        ++r.speaker_correct;
        ++r.by_kind_correct[kind];
      } else if (errors) {
        std::string pred = best->speaker ? best->speaker->name : std::string("(none)");
        std::string src = best->source.empty()
                              ? std::string("-")
                              : std::string(doc.text.substr(best->source.begin,
                                                            best->source.end - best->source.begin));
        errors->push_back("SPK\t" + g.name + "\tgold=" + gsrc + "\tpred=" + pred + " [" +
                          to_string(best->how) + ", src=" + src + ", cue=" + best->cue.text +
                          "]\t" + context(wide, std::min(sb, cb), std::max(se, ce)));
      }
    }
  }
  return r;
}

}  // namespace crosscheck::quotes
