// A fast pull tokenizer for HTML: start tags with attributes, end tags, text, comments and
// doctypes, with the raw-text elements (script, style, ...) and RCDATA elements (title, textarea)
// handled as the HTML standard does. No tree is built: consumers that need structure keep their own
// stack.
//
// Tokens point into the input (string_views, no copies); text and attribute values are raw, with
// character references still encoded -- decode them with append_decoded() when needed, which keeps
// the tokenizer cheap for consumers that skip most of the text.
//
//   crosscheck::clean::HtmlTokenizer tok(html);
//   crosscheck::clean::HtmlToken t;
//   while (tok.next(t)) {
//     if (t.type == HtmlTokenType::kStartTag && t.tag == HtmlTag::kA) {
//       if (const HtmlAttribute* href = t.find_attribute("href")) use(decode_html(href->value,
//       true));
//     }
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::clean {

// The elements crosscheck cares about; everything else is kUnknown (compare HtmlToken::name).
enum class HtmlTag : uint8_t {
  kUnknown,
  kA,
  kAddress,
  kArea,
  kArticle,
  kAside,
  kAudio,
  kB,
  kBase,
  kBlockquote,
  kBody,
  kBr,
  kButton,
  kCanvas,
  kCaption,
  kCenter,
  kCode,
  kCol,
  kColgroup,
  kDd,
  kDetails,
  kDialog,
  kDiv,
  kDl,
  kDt,
  kEm,
  kEmbed,
  kFieldset,
  kFigcaption,
  kFigure,
  kFooter,
  kForm,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHead,
  kHeader,
  kHgroup,
  kHr,
  kHtml,
  kI,
  kIframe,
  kImg,
  kInput,
  kLabel,
  kLegend,
  kLi,
  kLink,
  kMain,
  kMath,
  kMenu,
  kMeta,
  kNav,
  kNoembed,
  kNoframes,
  kNoscript,
  kObject,
  kOl,
  kOption,
  kP,
  kParam,
  kPicture,
  kPlaintext,
  kPre,
  kScript,
  kSection,
  kSelect,
  kSmall,
  kSource,
  kSpan,
  kStrong,
  kStyle,
  kSub,
  kSummary,
  kSup,
  kSvg,
  kTable,
  kTbody,
  kTd,
  kTemplate,
  kTextarea,
  kTfoot,
  kTh,
  kThead,
  kTime,
  kTitle,
  kTr,
  kTrack,
  kU,
  kUl,
  kVideo,
  kWbr,
  kXmp,
};

// Tag for a tag name in any letter case; kUnknown when it is not in the list above.
HtmlTag html_tag(std::string_view name);

// Void elements never have content or an end tag (br, img, meta, ...).
bool is_void(HtmlTag tag);

// Block-level elements: their start and end end a paragraph of text.
bool is_block_tag(HtmlTag tag);

// Elements that may appear inside <head> (anything else implies the body has started).
bool belongs_in_head(HtmlTag tag);

enum class HtmlTokenType : uint8_t { kStartTag, kEndTag, kText, kComment, kDoctype };

struct HtmlAttribute {
  std::string_view name;   // as written; compare with ascii_iequals
  std::string_view value;  // raw, character references not decoded; empty when there is none
};

struct HtmlToken {
  HtmlTokenType type = HtmlTokenType::kText;
  HtmlTag tag = HtmlTag::kUnknown;  // start and end tags
  std::string_view name;            // tag name as written (start/end tags)
  // kText: the raw text. kComment: the comment's content. kDoctype: what follows "<!doctype".
  std::string_view text;
  // kText: true inside script/style/xmp/iframe/noembed/noframes/noscript, whose text must not
  // be decoded (title and textarea text is decoded normally).
  bool raw_text = false;
  bool self_closing = false;  // start tag ended in "/>"
  size_t begin = 0;           // byte range of the whole token in the input
  size_t end = 0;
  std::span<const HtmlAttribute> attributes;  // start tags only; valid until the next next()

  // First attribute called `name` (ASCII case-insensitive), or nullptr.
  const HtmlAttribute* find_attribute(std::string_view name) const;
};

class HtmlTokenizer {
 public:
  explicit HtmlTokenizer(std::string_view html) : in_(html) {}

  // Fills `token` with the next token; false at the end of input. Never fails: any byte sequence
  // tokenizes (a tag cut off by the end of input is dropped, as browsers do).
  bool next(HtmlToken& token);

  size_t position() const { return pos_; }

 private:
  enum class Mode : uint8_t { kData, kRawText, kRcdata, kPlaintext };

  bool markup_starts(size_t at) const;
  size_t text_end(size_t from) const;
  size_t raw_text_end() const;
  bool start_tag(size_t at, HtmlToken& token);
  bool end_tag(size_t at, HtmlToken& token);
  void comment_like(size_t at, HtmlToken& token);

  std::string_view in_;
  size_t pos_ = 0;
  Mode mode_ = Mode::kData;
  std::string_view raw_end_name_;  // element whose end tag ends raw text / RCDATA
  std::vector<HtmlAttribute> attributes_;
};

// ASCII case-insensitive equality (HTML names).
bool ascii_iequals(std::string_view a, std::string_view b);

// Decodes the character reference at the start of `s` (s[0] == '&'): numeric (&#233; &#xE9;) and
// named (&eacute; and the legacy names that may omit the ';'). Returns the bytes consumed, 0 when
// `s` does not start with a reference (a lone '&'). `in_attribute` applies the attribute-value
// rule: "&copy=" is not decoded there.
size_t decode_character_reference(std::string_view s, bool in_attribute, char32_t& code_point);

// Appends `raw` to `out` with character references decoded.
void append_decoded(std::string_view raw, std::string& out, bool in_attribute = false);
std::string decode_html(std::string_view raw, bool in_attribute = false);

}  // namespace crosscheck::clean
