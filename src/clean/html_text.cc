// HTML to visible text in one streaming pass over the tokenizer, without building a DOM: block
// elements end paragraphs, <br> ends a line, whitespace inside a paragraph collapses to one space,
// character references are decoded, and the contents of non-visible elements (script, style,
// noscript, template, svg, math, iframe, head) are dropped. Separators are only written when more
// text follows, so the result never starts or ends with whitespace and paragraphs are joined by
// exactly "\n\n". State is a handful of flags and counters -- no element stack -- so broken
// markup, unclosed tags and absurd nesting depths cost nothing special.
#include <algorithm>
#include <array>

#include "crosscheck/clean.h"
#include "crosscheck/utf8.h"
#include "src/clean/html_tokenizer.h"

namespace crosscheck::clean {
namespace {

// Byte classes for the text loop: 0 = copy as is; anything else needs a look.
constexpr std::array<uint8_t, 256> make_special() {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = 1;  // whitespace
  t['&'] = 2;
  t[0xC2] = 3;  // maybe U+00A0
  t[0] = 4;
  return t;
}
constexpr std::array<uint8_t, 256> kSpecial = make_special();

// Writes text with collapsed whitespace; pending separators are materialised lazily.
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}

  void space() { pending_ = std::max(pending_, kSpace); }
  void line_break() { pending_ = std::max(pending_, kLine); }
  void paragraph() { pending_ = kParagraph; }

  // Appends raw HTML text; `decode`: character references; `pre`: newlines are line breaks.
  void add(std::string_view raw, bool decode, bool pre) {
    const char* p = raw.data();
    const char* end = p + raw.size();
    while (p < end) {
      const char* run = p;
      while (p < end && kSpecial[static_cast<unsigned char>(*p)] == 0) ++p;
      if (p > run) put(std::string_view(run, static_cast<size_t>(p - run)));
      if (p >= end) break;
      switch (kSpecial[static_cast<unsigned char>(*p)]) {
        case 1:
          if (pre && *p == '\n')
            line_break();
          else
            space();
          ++p;
          break;
        case 2: {
          char32_t cp = 0;
          size_t n = decode ? decode_character_reference(
                                  std::string_view(p, static_cast<size_t>(end - p)), false, cp)
                            : 0;
          if (n == 0) {
            put("&");
            ++p;
          } else {
            put_code_point(cp);
            p += n;
          }
          break;
        }
        case 3:
          if (p + 1 < end && static_cast<unsigned char>(p[1]) == 0xA0) {
            space();
            p += 2;
          } else {
            put(std::string_view(p, 1));
            ++p;
          }
          break;
        default:  // NUL: not text
          ++p;
          break;
      }
    }
  }

 private:
  enum Pending : uint8_t { kNone, kSpace, kLine, kParagraph };

  void put(std::string_view s) {
    if (pending_ != kNone) {
      if (!out_.empty()) {
        out_.append(pending_ == kParagraph ? "\n\n" : pending_ == kLine ? "\n" : " ");
      }
      pending_ = kNone;
    }
    out_.append(s);
  }

  void put_code_point(char32_t cp) {
    if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
      space();
      return;
    }
    if (cp == 0) return;
    std::string encoded;  // at most 4 bytes: stays in the small-string buffer
    utf8::append(encoded, cp);
    put(encoded);
  }

  std::string& out_;
  Pending pending_ = kNone;
};

// Elements whose content is never visible text.
bool is_hidden(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kSvg:
    case HtmlTag::kMath:
    case HtmlTag::kIframe:
    case HtmlTag::kNoembed:
    case HtmlTag::kNoframes:
    case HtmlTag::kObject:
    case HtmlTag::kSelect:
      return true;
    default:
      return false;
  }
}

// Elements that may sit in <head>; any other start tag means the body has begun.
bool all_space(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  });
}

std::string collapsed(std::string_view raw) {
  std::string out;
  TextWriter w(out);
  w.add(raw, /*decode=*/true, /*pre=*/false);
  return out;
}

}  // namespace

HtmlText html_to_text(std::string_view html) {
  HtmlText result;
  result.text.reserve(html.size() / 4);
  TextWriter text(result.text);
  HtmlTokenizer tokenizer(html);
  HtmlToken t;

  HtmlTag hidden_tag = HtmlTag::kUnknown;  // the hidden element we are inside, if any
  size_t hidden_depth = 0;                 // its nesting depth (same tag inside itself)
  bool in_head = false;
  bool in_title = false;
  bool have_title = false;
  bool have_lang = false;
  int pre_depth = 0;
  std::string og_title;
  std::string canonical;  // <link rel=canonical> wins over og:url

  while (tokenizer.next(t)) {
    switch (t.type) {
      case HtmlTokenType::kStartTag: {
        if (hidden_depth > 0) {
          if (t.tag == hidden_tag && !t.self_closing) ++hidden_depth;
          break;
        }
        if (in_head && !belongs_in_head(t.tag)) in_head = false;
        if (is_hidden(t.tag)) {
          if (!t.self_closing) {
            hidden_tag = t.tag;
            hidden_depth = 1;
          }
          break;
        }
        switch (t.tag) {
          case HtmlTag::kHtml:
            if (!have_lang) {
              const HtmlAttribute* lang = t.find_attribute("lang");
              if (lang == nullptr) lang = t.find_attribute("xml:lang");
              if (lang != nullptr) {
                result.language = collapsed(lang->value);
                have_lang = !result.language.empty();
              }
            }
            break;
          case HtmlTag::kHead:
            in_head = true;
            break;
          case HtmlTag::kTitle:
            in_title = true;
            break;
          case HtmlTag::kMeta: {
            const HtmlAttribute* key = t.find_attribute("property");
            if (key == nullptr) key = t.find_attribute("name");
            if (key == nullptr) key = t.find_attribute("itemprop");
            const HtmlAttribute* content = t.find_attribute("content");
            if (key == nullptr || content == nullptr) break;
            auto take = [&](std::string& field) {
              if (field.empty()) field = collapsed(content->value);
            };
            if (ascii_iequals(key->value, "og:title") || ascii_iequals(key->value, "twitter:title")) {
              take(og_title);
            } else if (ascii_iequals(key->value, "og:site_name") ||
                       ascii_iequals(key->value, "application-name")) {
              take(result.site_name);
            } else if (ascii_iequals(key->value, "og:url")) {
              take(result.url);
            } else if (ascii_iequals(key->value, "article:published_time") ||
                       ascii_iequals(key->value, "datePublished") ||
                       ascii_iequals(key->value, "pubdate")) {
              take(result.published);
            }
            break;
          }
          case HtmlTag::kLink: {
            const HtmlAttribute* rel = t.find_attribute("rel");
            const HtmlAttribute* href = t.find_attribute("href");
            if (rel != nullptr && href != nullptr && ascii_iequals(rel->value, "canonical") &&
                canonical.empty()) {
              canonical = collapsed(href->value);
            }
            break;
          }
          case HtmlTag::kBr:
            text.line_break();
            break;
          case HtmlTag::kTd:
          case HtmlTag::kTh:
            text.space();
            break;
          case HtmlTag::kPre:
            ++pre_depth;
            text.paragraph();
            break;
          default:
            if (is_block_tag(t.tag)) text.paragraph();
            break;
        }
        break;
      }
      case HtmlTokenType::kEndTag:
        if (hidden_depth > 0) {
          if (t.tag == hidden_tag) --hidden_depth;
          break;
        }
        switch (t.tag) {
          case HtmlTag::kHead:
            in_head = false;
            break;
          case HtmlTag::kTitle:
            in_title = false;
            break;
          case HtmlTag::kBr:
            text.line_break();
            break;  // browsers read </br> as <br>
          case HtmlTag::kTd:
          case HtmlTag::kTh:
            text.space();
            break;
          case HtmlTag::kPre:
            pre_depth = std::max(0, pre_depth - 1);
            text.paragraph();
            break;
          default:
            if (is_block_tag(t.tag)) text.paragraph();
            break;
        }
        break;
      case HtmlTokenType::kText:
        if (hidden_depth > 0 || t.raw_text) break;
        if (in_title) {
          if (!have_title) {
            result.title = collapsed(t.text);
            have_title = !result.title.empty();
          }
          break;
        }
        if (in_head) {
          if (all_space(t.text)) break;
          in_head = false;  // text cannot live in <head>: the body started without a <body>
        }
        text.add(t.text, /*decode=*/true, pre_depth > 0);
        break;
      case HtmlTokenType::kComment:
      case HtmlTokenType::kDoctype:
        break;
    }
  }
  if (!have_title) result.title = std::move(og_title);
  if (!canonical.empty()) result.url = std::move(canonical);
  return result;
}

}  // namespace crosscheck::clean
