// The tokenizer follows the HTML standard's tokenization states closely enough that real pages
// come out the way a browser sees them -- raw text in script/style, RCDATA in title/textarea,
// bogus comments for "<?" and "<!x", attributes quoted, unquoted or bare, a "<" that opens no
// markup kept as text -- but leaves out what only tree building needs (script-data escape states,
// foreign content rules). It runs in one forward pass with memchr doing the scanning for '<',
// allocates nothing per token (attribute slots are reused), and never recurses, so nesting depth
// and garbage input cost nothing special.
#include "src/clean/html_tokenizer.h"

#include <algorithm>
#include <cstring>

#include "crosscheck/utf8.h"

namespace crosscheck::clean {
namespace {

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

struct TagName {
  std::string_view name;
  HtmlTag tag;
};

// Sorted by name for binary search.
constexpr TagName kTags[] = {
    {"a", HtmlTag::kA},
    {"address", HtmlTag::kAddress},
    {"area", HtmlTag::kArea},
    {"article", HtmlTag::kArticle},
    {"aside", HtmlTag::kAside},
    {"audio", HtmlTag::kAudio},
    {"b", HtmlTag::kB},
    {"base", HtmlTag::kBase},
    {"blockquote", HtmlTag::kBlockquote},
    {"body", HtmlTag::kBody},
    {"br", HtmlTag::kBr},
    {"button", HtmlTag::kButton},
    {"canvas", HtmlTag::kCanvas},
    {"caption", HtmlTag::kCaption},
    {"center", HtmlTag::kCenter},
    {"code", HtmlTag::kCode},
    {"col", HtmlTag::kCol},
    {"colgroup", HtmlTag::kColgroup},
    {"dd", HtmlTag::kDd},
    {"details", HtmlTag::kDetails},
    {"dialog", HtmlTag::kDialog},
    {"div", HtmlTag::kDiv},
    {"dl", HtmlTag::kDl},
    {"dt", HtmlTag::kDt},
    {"em", HtmlTag::kEm},
    {"embed", HtmlTag::kEmbed},
    {"fieldset", HtmlTag::kFieldset},
    {"figcaption", HtmlTag::kFigcaption},
    {"figure", HtmlTag::kFigure},
    {"footer", HtmlTag::kFooter},
    {"form", HtmlTag::kForm},
    {"h1", HtmlTag::kH1},
    {"h2", HtmlTag::kH2},
    {"h3", HtmlTag::kH3},
    {"h4", HtmlTag::kH4},
    {"h5", HtmlTag::kH5},
    {"h6", HtmlTag::kH6},
    {"head", HtmlTag::kHead},
    {"header", HtmlTag::kHeader},
    {"hgroup", HtmlTag::kHgroup},
    {"hr", HtmlTag::kHr},
    {"html", HtmlTag::kHtml},
    {"i", HtmlTag::kI},
    {"iframe", HtmlTag::kIframe},
    {"img", HtmlTag::kImg},
    {"input", HtmlTag::kInput},
    {"label", HtmlTag::kLabel},
    {"legend", HtmlTag::kLegend},
    {"li", HtmlTag::kLi},
    {"link", HtmlTag::kLink},
    {"main", HtmlTag::kMain},
    {"math", HtmlTag::kMath},
    {"menu", HtmlTag::kMenu},
    {"meta", HtmlTag::kMeta},
    {"nav", HtmlTag::kNav},
    {"noembed", HtmlTag::kNoembed},
    {"noframes", HtmlTag::kNoframes},
    {"noscript", HtmlTag::kNoscript},
    {"object", HtmlTag::kObject},
    {"ol", HtmlTag::kOl},
    {"option", HtmlTag::kOption},
    {"p", HtmlTag::kP},
    {"param", HtmlTag::kParam},
    {"picture", HtmlTag::kPicture},
    {"plaintext", HtmlTag::kPlaintext},
    {"pre", HtmlTag::kPre},
    {"script", HtmlTag::kScript},
    {"section", HtmlTag::kSection},
    {"select", HtmlTag::kSelect},
    {"small", HtmlTag::kSmall},
    {"source", HtmlTag::kSource},
    {"span", HtmlTag::kSpan},
    {"strong", HtmlTag::kStrong},
    {"style", HtmlTag::kStyle},
    {"sub", HtmlTag::kSub},
    {"summary", HtmlTag::kSummary},
    {"sup", HtmlTag::kSup},
    {"svg", HtmlTag::kSvg},
    {"table", HtmlTag::kTable},
    {"tbody", HtmlTag::kTbody},
    {"td", HtmlTag::kTd},
    {"template", HtmlTag::kTemplate},
    {"textarea", HtmlTag::kTextarea},
    {"tfoot", HtmlTag::kTfoot},
    {"th", HtmlTag::kTh},
    {"thead", HtmlTag::kThead},
    {"time", HtmlTag::kTime},
    {"title", HtmlTag::kTitle},
    {"tr", HtmlTag::kTr},
    {"track", HtmlTag::kTrack},
    {"u", HtmlTag::kU},
    {"ul", HtmlTag::kUl},
    {"video", HtmlTag::kVideo},
    {"wbr", HtmlTag::kWbr},
    {"xmp", HtmlTag::kXmp},
};

struct Entity {
  std::string_view name;
  char32_t code_point;
  bool legacy;  // may appear without the terminating ';'
};

// The HTML 4 entity set plus &apos; and a few common HTML5 names, sorted by name (byte order).
// Legacy entities are those the HTML standard still decodes without a ';' ("&copy 2024").
constexpr Entity kEntities[] = {
    {"AElig", 0xC6, true},
    {"AMP", 0x26, true},
    {"Aacute", 0xC1, true},
    {"Acirc", 0xC2, true},
    {"Agrave", 0xC0, true},
    {"Alpha", 0x391, false},
    {"Aring", 0xC5, true},
    {"Atilde", 0xC3, true},
    {"Auml", 0xC4, true},
    {"Beta", 0x392, false},
    {"COPY", 0xA9, true},
    {"Ccedil", 0xC7, true},
    {"Chi", 0x3A7, false},
    {"Dagger", 0x2021, false},
    {"Delta", 0x394, false},
    {"ETH", 0xD0, true},
    {"Eacute", 0xC9, true},
    {"Ecirc", 0xCA, true},
    {"Egrave", 0xC8, true},
    {"Epsilon", 0x395, false},
    {"Eta", 0x397, false},
    {"Euml", 0xCB, true},
    {"GT", 0x3E, true},
    {"Gamma", 0x393, false},
    {"Iacute", 0xCD, true},
    {"Icirc", 0xCE, true},
    {"Igrave", 0xCC, true},
    {"Iota", 0x399, false},
    {"Iuml", 0xCF, true},
    {"Kappa", 0x39A, false},
    {"LT", 0x3C, true},
    {"Lambda", 0x39B, false},
    {"Mu", 0x39C, false},
    {"NewLine", 0xA, false},
    {"Ntilde", 0xD1, true},
    {"Nu", 0x39D, false},
    {"OElig", 0x152, false},
    {"Oacute", 0xD3, true},
    {"Ocirc", 0xD4, true},
    {"Ograve", 0xD2, true},
    {"Omega", 0x3A9, false},
    {"Omicron", 0x39F, false},
    {"Oslash", 0xD8, true},
    {"Otilde", 0xD5, true},
    {"Ouml", 0xD6, true},
    {"Phi", 0x3A6, false},
    {"Pi", 0x3A0, false},
    {"Prime", 0x2033, false},
    {"Psi", 0x3A8, false},
    {"QUOT", 0x22, true},
    {"REG", 0xAE, true},
    {"Rho", 0x3A1, false},
    {"Scaron", 0x160, false},
    {"Sigma", 0x3A3, false},
    {"THORN", 0xDE, true},
    {"Tab", 0x9, false},
    {"Tau", 0x3A4, false},
    {"Theta", 0x398, false},
    {"Uacute", 0xDA, true},
    {"Ucirc", 0xDB, true},
    {"Ugrave", 0xD9, true},
    {"Upsilon", 0x3A5, false},
    {"Uuml", 0xDC, true},
    {"Xi", 0x39E, false},
    {"Yacute", 0xDD, true},
    {"Yuml", 0x178, false},
    {"ZeroWidthSpace", 0x200B, false},
    {"Zeta", 0x396, false},
    {"aacute", 0xE1, true},
    {"acirc", 0xE2, true},
    {"acute", 0xB4, true},
    {"aelig", 0xE6, true},
    {"agrave", 0xE0, true},
    {"alefsym", 0x2135, false},
    {"alpha", 0x3B1, false},
    {"amp", 0x26, true},
    {"and", 0x2227, false},
    {"ang", 0x2220, false},
    {"apos", 0x27, false},
    {"aring", 0xE5, true},
    {"asymp", 0x2248, false},
    {"atilde", 0xE3, true},
    {"auml", 0xE4, true},
    {"bdquo", 0x201E, false},
    {"beta", 0x3B2, false},
    {"brvbar", 0xA6, true},
    {"bull", 0x2022, false},
    {"bullet", 0x2022, false},
    {"cap", 0x2229, false},
    {"ccedil", 0xE7, true},
    {"cedil", 0xB8, true},
    {"cent", 0xA2, true},
    {"check", 0x2713, false},
    {"chi", 0x3C7, false},
    {"circ", 0x2C6, false},
    {"clubs", 0x2663, false},
    {"cong", 0x2245, false},
    {"copy", 0xA9, true},
    {"crarr", 0x21B5, false},
    {"cup", 0x222A, false},
    {"curren", 0xA4, true},
    {"dArr", 0x21D3, false},
    {"dagger", 0x2020, false},
    {"darr", 0x2193, false},
    {"dash", 0x2010, false},
    {"deg", 0xB0, true},
    {"delta", 0x3B4, false},
    {"diams", 0x2666, false},
    {"divide", 0xF7, true},
    {"eacute", 0xE9, true},
    {"ecirc", 0xEA, true},
    {"egrave", 0xE8, true},
    {"empty", 0x2205, false},
    {"emsp", 0x2003, false},
    {"ensp", 0x2002, false},
    {"epsilon", 0x3B5, false},
    {"equiv", 0x2261, false},
    {"eta", 0x3B7, false},
    {"eth", 0xF0, true},
    {"euml", 0xEB, true},
    {"euro", 0x20AC, false},
    {"exist", 0x2203, false},
    {"fnof", 0x192, false},
    {"forall", 0x2200, false},
    {"frac12", 0xBD, true},
    {"frac14", 0xBC, true},
    {"frac34", 0xBE, true},
    {"frasl", 0x2044, false},
    {"gamma", 0x3B3, false},
    {"ge", 0x2265, false},
    {"gt", 0x3E, true},
    {"hArr", 0x21D4, false},
    {"harr", 0x2194, false},
    {"hearts", 0x2665, false},
    {"hellip", 0x2026, false},
    {"hyphen", 0x2010, false},
    {"iacute", 0xED, true},
    {"icirc", 0xEE, true},
    {"iexcl", 0xA1, true},
    {"igrave", 0xEC, true},
    {"image", 0x2111, false},
    {"infin", 0x221E, false},
    {"int", 0x222B, false},
    {"iota", 0x3B9, false},
    {"iquest", 0xBF, true},
    {"isin", 0x2208, false},
    {"iuml", 0xEF, true},
    {"kappa", 0x3BA, false},
    {"lArr", 0x21D0, false},
    {"lambda", 0x3BB, false},
    {"lang", 0x2329, false},
    {"laquo", 0xAB, true},
    {"larr", 0x2190, false},
    {"lceil", 0x2308, false},
    {"ldquo", 0x201C, false},
    {"le", 0x2264, false},
    {"lfloor", 0x230A, false},
    {"lowast", 0x2217, false},
    {"loz", 0x25CA, false},
    {"lrm", 0x200E, false},
    {"lsaquo", 0x2039, false},
    {"lsquo", 0x2018, false},
    {"lt", 0x3C, true},
    {"macr", 0xAF, true},
    {"mdash", 0x2014, false},
    {"micro", 0xB5, true},
    {"middot", 0xB7, true},
    {"minus", 0x2212, false},
    {"mu", 0x3BC, false},
    {"nabla", 0x2207, false},
    {"nbsp", 0xA0, true},
    {"ndash", 0x2013, false},
    {"ne", 0x2260, false},
    {"ni", 0x220B, false},
    {"not", 0xAC, true},
    {"notin", 0x2209, false},
    {"nsub", 0x2284, false},
    {"ntilde", 0xF1, true},
    {"nu", 0x3BD, false},
    {"oacute", 0xF3, true},
    {"ocirc", 0xF4, true},
    {"oelig", 0x153, false},
    {"ograve", 0xF2, true},
    {"oline", 0x203E, false},
    {"omega", 0x3C9, false},
    {"omicron", 0x3BF, false},
    {"oplus", 0x2295, false},
    {"or", 0x2228, false},
    {"ordf", 0xAA, true},
    {"ordm", 0xBA, true},
    {"oslash", 0xF8, true},
    {"otilde", 0xF5, true},
    {"otimes", 0x2297, false},
    {"ouml", 0xF6, true},
    {"para", 0xB6, true},
    {"part", 0x2202, false},
    {"permil", 0x2030, false},
    {"perp", 0x22A5, false},
    {"phi", 0x3C6, false},
    {"pi", 0x3C0, false},
    {"piv", 0x3D6, false},
    {"plusmn", 0xB1, true},
    {"pound", 0xA3, true},
    {"prime", 0x2032, false},
    {"prod", 0x220F, false},
    {"prop", 0x221D, false},
    {"psi", 0x3C8, false},
    {"quot", 0x22, true},
    {"rArr", 0x21D2, false},
    {"radic", 0x221A, false},
    {"rang", 0x232A, false},
    {"raquo", 0xBB, true},
    {"rarr", 0x2192, false},
    {"rceil", 0x2309, false},
    {"rdquo", 0x201D, false},
    {"real", 0x211C, false},
    {"reg", 0xAE, true},
    {"rfloor", 0x230B, false},
    {"rho", 0x3C1, false},
    {"rlm", 0x200F, false},
    {"rsaquo", 0x203A, false},
    {"rsquo", 0x2019, false},
    {"sbquo", 0x201A, false},
    {"scaron", 0x161, false},
    {"sdot", 0x22C5, false},
    {"sect", 0xA7, true},
    {"shy", 0xAD, true},
    {"sigma", 0x3C3, false},
    {"sigmaf", 0x3C2, false},
    {"sim", 0x223C, false},
    {"spades", 0x2660, false},
    {"star", 0x2606, false},
    {"starf", 0x2605, false},
    {"sub", 0x2282, false},
    {"sube", 0x2286, false},
    {"sum", 0x2211, false},
    {"sup", 0x2283, false},
    {"sup1", 0xB9, true},
    {"sup2", 0xB2, true},
    {"sup3", 0xB3, true},
    {"supe", 0x2287, false},
    {"szlig", 0xDF, true},
    {"tau", 0x3C4, false},
    {"there4", 0x2234, false},
    {"theta", 0x3B8, false},
    {"thetasym", 0x3D1, false},
    {"thinsp", 0x2009, false},
    {"thorn", 0xFE, true},
    {"tilde", 0x2DC, false},
    {"times", 0xD7, true},
    {"trade", 0x2122, false},
    {"uArr", 0x21D1, false},
    {"uacute", 0xFA, true},
    {"uarr", 0x2191, false},
    {"ucirc", 0xFB, true},
    {"ugrave", 0xF9, true},
    {"uml", 0xA8, true},
    {"upsih", 0x3D2, false},
    {"upsilon", 0x3C5, false},
    {"uuml", 0xFC, true},
    {"weierp", 0x2118, false},
    {"xi", 0x3BE, false},
    {"yacute", 0xFD, true},
    {"yen", 0xA5, true},
    {"yuml", 0xFF, true},
    {"zeta", 0x3B6, false},
    {"zwj", 0x200D, false},
    {"zwnj", 0x200C, false},
};

constexpr size_t kLongestLegacyName = 6;  // "frac12", "Ntilde", ...

const Entity* find_entity(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const Entity& e, std::string_view n) { return e.name < n; });
  return (it != std::end(kEntities) && it->name == name) ? it : nullptr;
}

// Windows-1252 meanings of the C1 range, which the HTML standard applies to &#128; ... &#159;.
constexpr char16_t kC1[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                              0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

HtmlTag raw_text_kind(HtmlTag tag, bool& rcdata) {
  rcdata = false;
  switch (tag) {
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kXmp:
    case HtmlTag::kIframe:
    case HtmlTag::kNoembed:
    case HtmlTag::kNoframes:
    case HtmlTag::kNoscript:  // as browsers with scripting enabled parse it
      return tag;
    case HtmlTag::kTitle:
    case HtmlTag::kTextarea:
      rcdata = true;
      return tag;
    default:
      return HtmlTag::kUnknown;
  }
}

}  // namespace

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

HtmlTag html_tag(std::string_view name) {
  char buf[12];
  if (name.empty() || name.size() > sizeof buf) return HtmlTag::kUnknown;
  for (size_t i = 0; i < name.size(); ++i) buf[i] = lower(name[i]);
  std::string_view key(buf, name.size());
  auto it = std::lower_bound(std::begin(kTags), std::end(kTags), key,
                             [](const TagName& t, std::string_view n) { return t.name < n; });
  return (it != std::end(kTags) && it->name == key) ? it->tag : HtmlTag::kUnknown;
}

bool is_block_tag(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kAddress:
    case HtmlTag::kArticle:
    case HtmlTag::kAside:
    case HtmlTag::kBlockquote:
    case HtmlTag::kBody:
    case HtmlTag::kCaption:
    case HtmlTag::kCenter:
    case HtmlTag::kDd:
    case HtmlTag::kDetails:
    case HtmlTag::kDialog:
    case HtmlTag::kDiv:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kFieldset:
    case HtmlTag::kFigcaption:
    case HtmlTag::kFigure:
    case HtmlTag::kFooter:
    case HtmlTag::kForm:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kHeader:
    case HtmlTag::kHgroup:
    case HtmlTag::kHr:
    case HtmlTag::kHtml:
    case HtmlTag::kLegend:
    case HtmlTag::kLi:
    case HtmlTag::kMain:
    case HtmlTag::kMenu:
    case HtmlTag::kNav:
    case HtmlTag::kOl:
    case HtmlTag::kP:
    case HtmlTag::kPre:
    case HtmlTag::kSection:
    case HtmlTag::kSummary:
    case HtmlTag::kTable:
    case HtmlTag::kTbody:
    case HtmlTag::kTfoot:
    case HtmlTag::kThead:
    case HtmlTag::kTr:
    case HtmlTag::kUl:
      return true;
    default:
      return false;
  }
}

bool belongs_in_head(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kBase:
    case HtmlTag::kHead:
    case HtmlTag::kHtml:
    case HtmlTag::kLink:
    case HtmlTag::kMeta:
    case HtmlTag::kNoscript:
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kTemplate:
    case HtmlTag::kTitle:
      return true;
    default:
      return false;
  }
}

bool is_void(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kArea:
    case HtmlTag::kBase:
    case HtmlTag::kBr:
    case HtmlTag::kCol:
    case HtmlTag::kEmbed:
    case HtmlTag::kHr:
    case HtmlTag::kImg:
    case HtmlTag::kInput:
    case HtmlTag::kLink:
    case HtmlTag::kMeta:
    case HtmlTag::kParam:
    case HtmlTag::kSource:
    case HtmlTag::kTrack:
    case HtmlTag::kWbr:
      return true;
    default:
      return false;
  }
}

const HtmlAttribute* HtmlToken::find_attribute(std::string_view attribute_name) const {
  for (const HtmlAttribute& a : attributes) {
    if (ascii_iequals(a.name, attribute_name)) return &a;
  }
  return nullptr;
}

// ---- character references ---------------------------------------------------------------------

size_t decode_character_reference(std::string_view s, bool in_attribute, char32_t& cp) {
  if (s.size() < 2 || s[0] != '&') return 0;
  if (s[1] == '#') {
    size_t i = 2;
    bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    size_t digits_start = i;
    uint32_t value = 0;
    for (; i < s.size(); ++i) {
      char c = s[i];
      int d = is_digit(c)                                   ? c - '0'
              : (hex && lower(c) >= 'a' && lower(c) <= 'f') ? lower(c) - 'a' + 10
                                                            : -1;
      if (d < 0) break;
      value = std::min<uint32_t>(value * (hex ? 16 : 10) + static_cast<uint32_t>(d), 0x110000);
    }
    if (i == digits_start) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      cp = 0xFFFD;
    } else if (value >= 0x80 && value <= 0x9F) {
      cp = kC1[value - 0x80];
    } else {
      cp = value;
    }
    return i;
  }
  size_t i = 1;
  while (i < s.size() && i <= 32 && is_alnum(s[i])) ++i;
  std::string_view name = s.substr(1, i - 1);
  if (name.empty()) return 0;
  if (i < s.size() && s[i] == ';') {
    if (const Entity* e = find_entity(name)) {
      cp = e->code_point;
      return i + 1;
    }
  }
  // Without ';' only the legacy names count, and the longest one that prefixes the name wins
  // ("&notit;" reads as "¬it;").
  for (size_t len = std::min(name.size(), kLongestLegacyName); len >= 2; --len) {
    const Entity* e = find_entity(name.substr(0, len));
    if (e == nullptr || !e->legacy) continue;
    if (in_attribute) {
      char next = 1 + len < s.size() ? s[1 + len] : '\0';
      if (next == '=' || is_alnum(next)) return 0;  // "?a=1&copy=2" in URLs stays as written
    }
    cp = e->code_point;
    return 1 + len;
  }
  return 0;
}

void append_decoded(std::string_view raw, std::string& out, bool in_attribute) {
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t amp = raw.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(pos));
      return;
    }
    out.append(raw.substr(pos, amp - pos));
    char32_t cp = 0;
    size_t n = decode_character_reference(raw.substr(amp), in_attribute, cp);
    if (n == 0) {
      out.push_back('&');
      pos = amp + 1;
    } else {
      utf8::append(out, cp);
      pos = amp + n;
    }
  }
}

std::string decode_html(std::string_view raw, bool in_attribute) {
  std::string out;
  out.reserve(raw.size());
  append_decoded(raw, out, in_attribute);
  return out;
}

// ---- tokenizer ----------------------------------------------------------------------------------

// Whether the '<' at `at` opens markup; otherwise it is text.
bool HtmlTokenizer::markup_starts(size_t at) const {
  if (at + 1 >= in_.size()) return false;
  char c = in_[at + 1];
  if (is_alpha(c) || c == '!' || c == '?') return true;
  return c == '/' && at + 2 < in_.size();
}

// End of the text run starting at `from`: the next '<' that opens markup, or the end.
size_t HtmlTokenizer::text_end(size_t from) const {
  const char* base = in_.data();
  size_t p = from;
  while (p < in_.size()) {
    const void* lt = std::memchr(base + p, '<', in_.size() - p);
    if (lt == nullptr) return in_.size();
    p = static_cast<const char*>(lt) - base;
    if (markup_starts(p)) return p;
    ++p;
  }
  return in_.size();
}

// Where the raw text / RCDATA content ends: at "</name" followed by a space, '/' or '>'.
size_t HtmlTokenizer::raw_text_end() const {
  const char* base = in_.data();
  const size_t n = raw_end_name_.size();
  size_t p = pos_;
  while (p < in_.size()) {
    const void* lt = std::memchr(base + p, '<', in_.size() - p);
    if (lt == nullptr) return in_.size();
    p = static_cast<const char*>(lt) - base;
    if (p + 2 + n < in_.size() && in_[p + 1] == '/' &&
        ascii_iequals(in_.substr(p + 2, n), raw_end_name_)) {
      char after = in_[p + 2 + n];
      if (is_space(after) || after == '/' || after == '>') return p;
    }
    ++p;
  }
  return in_.size();
}

bool HtmlTokenizer::next(HtmlToken& t) {
  while (pos_ < in_.size()) {
    t = HtmlToken{};
    t.begin = pos_;
    if (mode_ != Mode::kData) {
      size_t end = mode_ == Mode::kPlaintext ? in_.size() : raw_text_end();
      bool raw = mode_ != Mode::kRcdata;
      if (mode_ != Mode::kPlaintext) mode_ = Mode::kData;  // the end tag is read normally
      if (end > pos_) {
        t.type = HtmlTokenType::kText;
        t.text = in_.substr(pos_, end - pos_);
        t.raw_text = raw;
        t.end = pos_ = end;
        return true;
      }
      continue;
    }
    if (in_[pos_] != '<' || !markup_starts(pos_)) {
      size_t end = text_end(pos_ + (in_[pos_] == '<' ? 1 : 0));
      t.type = HtmlTokenType::kText;
      t.text = in_.substr(pos_, end - pos_);
      t.end = pos_ = end;
      return true;
    }
    char c = in_[pos_ + 1];
    if (is_alpha(c)) {
      if (start_tag(pos_, t)) return true;
      continue;
    }
    if (c == '/') {
      if (is_alpha(in_[pos_ + 2])) {
        if (end_tag(pos_, t)) return true;
        continue;
      }
      if (in_[pos_ + 2] == '>') {  // "</>" is dropped
        pos_ += 3;
        continue;
      }
    }
    comment_like(pos_, t);
    return true;
  }
  return false;
}

bool HtmlTokenizer::start_tag(size_t at, HtmlToken& t) {
  const size_t n = in_.size();
  size_t i = at + 1;
  while (i < n && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
  t.type = HtmlTokenType::kStartTag;
  t.name = in_.substr(at + 1, i - at - 1);
  t.tag = html_tag(t.name);
  attributes_.clear();
  for (;;) {
    while (i < n && (is_space(in_[i]) || in_[i] == '/')) {
      if (in_[i] == '/' && i + 1 < n && in_[i + 1] == '>') t.self_closing = true;
      ++i;
    }
    if (i >= n) {  // cut off by the end of input: browsers drop such a tag
      pos_ = n;
      return false;
    }
    if (in_[i] == '>') {
      ++i;
      break;
    }
    size_t name_start = i++;  // the first character may be anything, even '='
    while (i < n && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=') ++i;
    HtmlAttribute a;
    a.name = in_.substr(name_start, i - name_start);
    size_t j = i;
    while (j < n && is_space(in_[j])) ++j;
    if (j < n && in_[j] == '=') {
      ++j;
      while (j < n && is_space(in_[j])) ++j;
      if (j < n && (in_[j] == '"' || in_[j] == '\'')) {
        size_t close = in_.find(in_[j], j + 1);
        if (close == std::string_view::npos) {
          pos_ = n;
          return false;
        }
        a.value = in_.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        size_t v = j;
        while (j < n && !is_space(in_[j]) && in_[j] != '>') ++j;
        a.value = in_.substr(v, j - v);
        i = j;
      }
    }
    attributes_.push_back(a);
  }
  t.attributes = attributes_;
  t.end = pos_ = i;
  bool rcdata = false;
  HtmlTag raw = raw_text_kind(t.tag, rcdata);
  if (t.tag == HtmlTag::kPlaintext) {
    mode_ = Mode::kPlaintext;
  } else if (raw != HtmlTag::kUnknown) {
    mode_ = rcdata ? Mode::kRcdata : Mode::kRawText;
    raw_end_name_ = t.name;
  }
  return true;
}

bool HtmlTokenizer::end_tag(size_t at, HtmlToken& t) {
  const size_t n = in_.size();
  size_t i = at + 2;
  while (i < n && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
  t.type = HtmlTokenType::kEndTag;
  t.name = in_.substr(at + 2, i - at - 2);
  t.tag = html_tag(t.name);
  size_t close = in_.find('>', i);
  if (close == std::string_view::npos) {  // cut off by the end of input: dropped
    pos_ = n;
    return false;
  }
  t.end = pos_ = close + 1;
  return true;
}

// Comments, doctypes, CDATA sections and the bogus comments ("<?xml ...>", "<!x>", "</ x>").
void HtmlTokenizer::comment_like(size_t at, HtmlToken& t) {
  const size_t n = in_.size();
  std::string_view rest = in_.substr(at);
  t.type = HtmlTokenType::kComment;
  size_t content = at + 2;  // after "<!", "<?" or "</"
  size_t close = std::string_view::npos;
  size_t close_len = 1;
  if (rest.substr(0, 4) == "<!--") {
    content = at + 4;
    if (rest.substr(4, 1) == ">") {  // "<!-->" is an empty comment
      close = at + 4;
    } else if (rest.substr(4, 2) == "->") {  // so is "<!--->"
      close = at + 5;
      content = close;
    } else {
      close = in_.find("-->", content);
      close_len = 3;
    }
  } else if (rest.size() >= 9 && ascii_iequals(rest.substr(0, 9), "<!doctype")) {
    t.type = HtmlTokenType::kDoctype;
    content = at + 9;
    close = in_.find('>', content);
  } else if (rest.substr(0, 9) == "<![CDATA[") {
    content = at + 9;
    close = in_.find("]]>", content);
    close_len = 3;
  } else {
    if (rest[1] == '?') content = at + 1;  // the '?' belongs to the bogus comment
    close = in_.find('>', content);
  }
  if (close == std::string_view::npos) {
    close = n;
    close_len = 0;
  }
  content = std::min(content, close);
  t.text = in_.substr(content, close - content);
  t.end = pos_ = std::min(n, close + close_len);
}

}  // namespace crosscheck::clean
