// Tree building in one pass over the tokenizer with a stack of open elements. The rules are a
// small subset of the HTML standard's tree construction, chosen for what changes the shape of real
// article pages: the implied end tags of p, li, dd/dt, td/th, tr, option and headings, end tags
// that match no open element ignored, and end tags that do not cross table cells. The head is not
// a node: its title, meta, canonical link and JSON-LD are collected into Dom fields instead.
// Non-visible elements (script, style, noscript, template, svg, math, iframe, ...) are skipped
// whole. Depth and node count are capped (DomOptions); beyond the cap start tags are ignored and
// their text flows into the deepest kept element, so a 10,000-deep page costs no more than a flat
// one and every later pass stays bounded.
#include "src/clean/dom.h"

#include <algorithm>

namespace crosscheck::clean {
namespace {

// Elements whose content the tokenizer returns as raw text (or that hold no visible text at
// all): their text is skipped.
bool is_skipped(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kIframe:
    case HtmlTag::kNoembed:
    case HtmlTag::kNoframes:
    case HtmlTag::kTextarea:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never text for a reader, kept in the tree (so that an unclosed one is
// closed by its ancestor's end tag, as in browsers) but marked opaque.
bool is_opaque(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kSvg:
    case HtmlTag::kMath:
    case HtmlTag::kObject:
    case HtmlTag::kSelect:
    case HtmlTag::kCanvas:
    case HtmlTag::kAudio:
    case HtmlTag::kVideo:
      return true;
    default:
      return false;
  }
}

// Elements whose start closes an open <p> (HTML's "close a p element in button scope").
bool closes_p(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kAddress:
    case HtmlTag::kArticle:
    case HtmlTag::kAside:
    case HtmlTag::kBlockquote:
    case HtmlTag::kCenter:
    case HtmlTag::kDetails:
    case HtmlTag::kDiv:
    case HtmlTag::kDl:
    case HtmlTag::kFieldset:
    case HtmlTag::kFigcaption:
    case HtmlTag::kFigure:
    case HtmlTag::kFooter:
    case HtmlTag::kForm:
    case HtmlTag::kHeader:
    case HtmlTag::kHgroup:
    case HtmlTag::kMain:
    case HtmlTag::kMenu:
    case HtmlTag::kNav:
    case HtmlTag::kOl:
    case HtmlTag::kP:
    case HtmlTag::kSection:
    case HtmlTag::kSummary:
    case HtmlTag::kUl:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kPre:
    case HtmlTag::kTable:
    case HtmlTag::kHr:
      return true;
    default:
      return false;
  }
}

bool is_heading(HtmlTag tag) {
  return tag == HtmlTag::kH1 || tag == HtmlTag::kH2 || tag == HtmlTag::kH3 || tag == HtmlTag::kH4 ||
         tag == HtmlTag::kH5 || tag == HtmlTag::kH6;
}

bool is_table_boundary(HtmlTag tag) {
  return tag == HtmlTag::kTable || tag == HtmlTag::kTd || tag == HtmlTag::kTh ||
         tag == HtmlTag::kCaption || tag == HtmlTag::kHtml;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

std::string collapse(std::string_view raw) {
  std::string decoded;
  append_decoded(raw, decoded);
  std::string out;
  bool space = false;
  for (char c : decoded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// A template worth expanding starts with a tag and has no placeholders left to fill ({{x}}).
bool looks_like_markup(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i < s.size() && s[i] == '<' && s.find("{{") == std::string_view::npos &&
         s.find("<%") == std::string_view::npos;
}

class Builder {
 public:
  Builder(std::string_view html, const DomOptions& options) : html_(html), options_(options) {
    dom_.nodes.reserve(html.size() / 40 + 16);
    dom_.text.reserve(html.size() / 3 + 16);
    DomNode root;
    root.tag = HtmlTag::kHtml;
    dom_.nodes.push_back(root);
    open_.push_back(0);
    names_.push_back("html");
  }

  Dom build() {
    HtmlTokenizer tokenizer(html_);
    HtmlToken t;
    while (tokenizer.next(t)) {
      switch (t.type) {
        case HtmlTokenType::kStartTag:
          start_tag(t);
          break;
        case HtmlTokenType::kEndTag:
          end_tag(t);
          break;
        case HtmlTokenType::kText:
          text(t);
          break;
        default:
          break;
      }
    }
    if (!have_body_) dom_.body = 0;
    return std::move(dom_);
  }

 private:
  uint32_t current() const { return open_.back(); }

  uint32_t add_node(const DomNode& proto) {
    uint32_t index = static_cast<uint32_t>(dom_.nodes.size());
    uint32_t parent = current();
    dom_.nodes.push_back(proto);
    DomNode& n = dom_.nodes.back();
    n.parent = parent;
    n.depth = static_cast<uint32_t>(open_.size());
    DomNode& p = dom_.nodes[parent];
    if (p.last_child == kNoNode) {
      p.first_child = index;
    } else {
      dom_.nodes[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    return index;
  }

  void pop_to(size_t stack_index) {  // pops open_[stack_index] and everything above it
    open_.resize(stack_index);
    names_.resize(stack_index);
  }

  // Index in open_ of the nearest open `tag`, not looking past any of `stops`; 0 when none.
  template <typename Stop>
  size_t find_open(HtmlTag tag, Stop stop) const {
    for (size_t i = open_.size(); i-- > 1;) {
      HtmlTag t = dom_.nodes[open_[i]].tag;
      if (t == tag) return i;
      if (stop(t)) return 0;
    }
    return 0;
  }

  void close_open(HtmlTag tag, std::initializer_list<HtmlTag> stops) {
    size_t at = find_open(tag, [&](HtmlTag t) {
      return t == HtmlTag::kHtml || t == HtmlTag::kBody ||
             std::find(stops.begin(), stops.end(), t) != stops.end();
    });
    if (at > 0) pop_to(at);
  }

  void ensure_body() {
    if (have_body_) return;
    have_body_ = true;
    in_head_ = false;
    DomNode body;
    body.tag = HtmlTag::kBody;
    body.text_begin = static_cast<uint32_t>(dom_.text.size());
    dom_.body = add_node(body);
    open_.push_back(dom_.body);
    names_.push_back("body");
  }

  void head_tag(const HtmlToken& t) {
    if (t.tag == HtmlTag::kTitle) {
      in_title_ = !t.self_closing;
    } else if (t.tag == HtmlTag::kMeta) {
      const HtmlAttribute* key = t.find_attribute("property");
      if (key == nullptr) key = t.find_attribute("name");
      if (key == nullptr) key = t.find_attribute("itemprop");
      const HtmlAttribute* content = t.find_attribute("content");
      if (key != nullptr && content != nullptr && dom_.meta.size() < 512) {
        std::string k;
        for (char c : key->value) k.push_back(lower(c));
        dom_.meta.emplace_back(std::move(k), collapse(content->value));
      }
    } else if (t.tag == HtmlTag::kLink) {
      const HtmlAttribute* rel = t.find_attribute("rel");
      const HtmlAttribute* href = t.find_attribute("href");
      if (rel != nullptr && href != nullptr && ascii_iequals(rel->value, "canonical") &&
          dom_.canonical.empty()) {
        dom_.canonical = collapse(href->value);
      }
    } else if (t.tag == HtmlTag::kHtml) {
      const HtmlAttribute* lang = t.find_attribute("lang");
      if (lang == nullptr) lang = t.find_attribute("xml:lang");
      if (lang != nullptr && dom_.language.empty()) dom_.language = collapse(lang->value);
    } else if (t.tag == HtmlTag::kHead) {
      if (!have_body_) in_head_ = true;
    }
  }

  void start_tag(const HtmlToken& t) {
    if (skip_depth_ > 0) {
      if (t.tag == skip_tag_ && !t.self_closing) ++skip_depth_;
      return;
    }
    if (belongs_in_head(t.tag) && t.tag != HtmlTag::kScript && t.tag != HtmlTag::kStyle &&
        t.tag != HtmlTag::kNoscript && t.tag != HtmlTag::kTemplate) {
      head_tag(t);
      return;
    }
    if (is_skipped(t.tag)) {
      json_ld_ = false;
      html_template_ = false;
      if (t.tag == HtmlTag::kScript) {
        const HtmlAttribute* type = t.find_attribute("type");
        json_ld_ = type != nullptr && contains_ci(type->value, "ld+json");
        // Client-side templates hold markup the page's script inserts in place (some blogs ship
        // their whole post that way).
        html_template_ =
            type != nullptr && !in_template_ &&
            (contains_ci(type->value, "template") || ascii_iequals(type->value, "text/html"));
      }
      if (!t.self_closing) {
        skip_tag_ = t.tag;
        skip_depth_ = 1;
      }
      return;
    }
    if (t.tag == HtmlTag::kBody) {
      if (!have_body_) {
        ensure_body();
        set_hint(dom_.nodes[dom_.body], t);
      }
      return;
    }
    ensure_body();
    // Implied end tags.
    if (closes_p(t.tag)) {
      close_open(HtmlTag::kP, {HtmlTag::kButton, HtmlTag::kTable, HtmlTag::kTd, HtmlTag::kTh,
                               HtmlTag::kCaption, HtmlTag::kObject});
    }
    switch (t.tag) {
      case HtmlTag::kLi:
        close_open(HtmlTag::kLi, {HtmlTag::kUl, HtmlTag::kOl, HtmlTag::kMenu, HtmlTag::kTable,
                                  HtmlTag::kTd, HtmlTag::kTh});
        break;
      case HtmlTag::kDd:
      case HtmlTag::kDt:
        close_open(HtmlTag::kDd, {HtmlTag::kDl, HtmlTag::kTable, HtmlTag::kTd, HtmlTag::kTh});
        close_open(HtmlTag::kDt, {HtmlTag::kDl, HtmlTag::kTable, HtmlTag::kTd, HtmlTag::kTh});
        break;
      case HtmlTag::kTd:
      case HtmlTag::kTh:
        close_open(HtmlTag::kTd, {HtmlTag::kTr, HtmlTag::kTable});
        close_open(HtmlTag::kTh, {HtmlTag::kTr, HtmlTag::kTable});
        break;
      case HtmlTag::kTr:
        close_open(HtmlTag::kTr, {HtmlTag::kTable});
        break;
      case HtmlTag::kTbody:
      case HtmlTag::kThead:
      case HtmlTag::kTfoot:
        close_open(HtmlTag::kTr, {HtmlTag::kTable});
        close_open(HtmlTag::kTbody, {HtmlTag::kTable});
        close_open(HtmlTag::kThead, {HtmlTag::kTable});
        close_open(HtmlTag::kTfoot, {HtmlTag::kTable});
        break;
      case HtmlTag::kOption:
        if (dom_.nodes[current()].tag == HtmlTag::kOption) pop_to(open_.size() - 1);
        break;
      case HtmlTag::kA:
        close_open(HtmlTag::kA, {HtmlTag::kTable, HtmlTag::kTd, HtmlTag::kTh});
        break;
      default:
        if (is_heading(t.tag) && is_heading(dom_.nodes[current()].tag)) {
          pop_to(open_.size() - 1);
        }
        break;
    }
    if (open_.size() > options_.max_depth || dom_.nodes.size() >= options_.max_nodes) {
      if (t.tag == HtmlTag::kBr) append_text("\n", false);
      return;  // flattened: the text goes to the current element
    }
    DomNode node;
    node.tag = t.tag;
    uint32_t index = add_node(node);
    set_hint(dom_.nodes[index], t);
    if (is_opaque(t.tag)) dom_.nodes[index].opaque = true;
    if (t.tag == HtmlTag::kA || t.tag == HtmlTag::kTime) {
      const HtmlAttribute* v = t.find_attribute(t.tag == HtmlTag::kA ? "href" : "datetime");
      if (v != nullptr && v->value.size() < 2048) {
        DomNode& n = dom_.nodes[index];
        n.value_begin = static_cast<uint32_t>(dom_.text.size());
        append_decoded(v->value, dom_.text, true);
        n.value_size = static_cast<uint32_t>(dom_.text.size() - n.value_begin);
      }
    }
    if (!is_void(t.tag) && !(t.self_closing && t.tag == HtmlTag::kUnknown)) {
      open_.push_back(index);
      names_.push_back(t.name);
    }
  }

  void set_hint(DomNode& n, const HtmlToken& t) {
    n.text_begin = static_cast<uint32_t>(dom_.text.size());
    for (const HtmlAttribute& a : t.attributes) {
      bool take = ascii_iequals(a.name, "class") || ascii_iequals(a.name, "id") ||
                  ascii_iequals(a.name, "role") || ascii_iequals(a.name, "itemprop") ||
                  ascii_iequals(a.name, "rel");
      if (take) {
        size_t n_bytes = std::min<size_t>(a.value.size(), 256);
        if (dom_.text.size() > n.text_begin) dom_.text.push_back(' ');
        for (size_t i = 0; i < n_bytes; ++i) dom_.text.push_back(lower(a.value[i]));
      } else if (ascii_iequals(a.name, "hidden")) {
        n.hidden = true;
      } else if (ascii_iequals(a.name, "style")) {
        if (contains_ci(a.value, "display:none") || contains_ci(a.value, "display: none") ||
            contains_ci(a.value, "visibility:hidden")) {
          n.hidden = true;
        }
      }
    }
    n.text_size = static_cast<uint32_t>(dom_.text.size() - n.text_begin);
  }

  void end_tag(const HtmlToken& t) {
    if (skip_depth_ > 0) {
      if (t.tag == skip_tag_ && --skip_depth_ == 0) json_ld_ = false;
      return;
    }
    switch (t.tag) {
      case HtmlTag::kTitle:
        in_title_ = false;
        return;
      case HtmlTag::kHead:
        in_head_ = false;
        return;
      case HtmlTag::kBody:
      case HtmlTag::kHtml:
        return;  // content after </body> still belongs to the body, as in browsers
      case HtmlTag::kBr: {
        ensure_body();
        DomNode br;
        br.tag = HtmlTag::kBr;
        if (dom_.nodes.size() < options_.max_nodes) add_node(br);
        return;
      }
      default:
        break;
    }
    if (!have_body_) return;
    for (size_t i = open_.size(); i-- > 1;) {
      const DomNode& n = dom_.nodes[open_[i]];
      bool match = t.tag == HtmlTag::kUnknown
                       ? n.tag == HtmlTag::kUnknown && ascii_iequals(names_[i], t.name)
                       : n.tag == t.tag;
      if (match) {
        pop_to(i);
        return;
      }
      // An end tag does not close anything outside the table cell or table it appears in.
      if (is_table_boundary(n.tag) || n.tag == HtmlTag::kBody) return;
    }
  }

  void text(const HtmlToken& t) {
    if (skip_depth_ > 0) {
      if (json_ld_ && dom_.json_ld.size() < 16 && t.text.size() < (1u << 20)) {
        dom_.json_ld.emplace_back(t.text);
      }
      if (html_template_ && have_body_ && looks_like_markup(t.text)) expand_template(t.text);
      return;
    }
    if (t.raw_text) return;
    if (in_title_) {
      if (dom_.title.empty()) dom_.title = collapse(t.text);
      return;
    }
    bool blank = std::all_of(t.text.begin(), t.text.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    });
    if (!have_body_) {
      if (blank) return;
      ensure_body();
    }
    append_text(t.text, true);
  }

  // Parses a client-side template's markup in place, one level deep (a template inside it stays
  // raw), and closes whatever it left open.
  void expand_template(std::string_view markup) {
    in_template_ = true;
    size_t saved_skip = skip_depth_;
    HtmlTag saved_tag = skip_tag_;
    skip_depth_ = 0;
    size_t depth = open_.size();
    HtmlTokenizer tokenizer(markup);
    HtmlToken t;
    while (tokenizer.next(t)) {
      if (t.type == HtmlTokenType::kStartTag) {
        start_tag(t);
      } else if (t.type == HtmlTokenType::kEndTag) {
        end_tag(t);
      } else if (t.type == HtmlTokenType::kText) {
        text(t);
      }
      if (open_.size() < depth) break;  // the template closed elements it did not open
    }
    if (open_.size() > depth) pop_to(depth);
    skip_depth_ = saved_skip;
    skip_tag_ = saved_tag;
    html_template_ = false;
    in_template_ = false;
  }

  void append_text(std::string_view raw, bool decode) {
    uint32_t parent = current();
    DomNode& p = dom_.nodes[parent];
    bool extend = p.last_child != kNoNode && dom_.nodes[p.last_child].is_text &&
                  dom_.nodes[p.last_child].text_begin + dom_.nodes[p.last_child].text_size ==
                      dom_.text.size();
    size_t before = dom_.text.size();
    if (decode) {
      append_decoded(raw, dom_.text);
    } else {
      dom_.text.append(raw);
    }
    size_t added = dom_.text.size() - before;
    if (extend) {
      dom_.nodes[p.last_child].text_size += static_cast<uint32_t>(added);
      return;
    }
    if (dom_.nodes.size() >= options_.max_nodes) {
      dom_.text.resize(before);
      return;
    }
    DomNode n;
    n.is_text = true;
    n.text_begin = static_cast<uint32_t>(before);
    n.text_size = static_cast<uint32_t>(added);
    add_node(n);
  }

  std::string_view html_;
  DomOptions options_;
  Dom dom_;
  std::vector<uint32_t> open_;
  std::vector<std::string_view> names_;
  HtmlTag skip_tag_ = HtmlTag::kUnknown;
  size_t skip_depth_ = 0;
  bool json_ld_ = false;
  bool html_template_ = false;  // inside <script type="text/template">
  bool in_template_ = false;    // expanding one
  bool in_head_ = false;
  bool in_title_ = false;
  bool have_body_ = false;
};

}  // namespace

uint32_t subtree_end(const Dom& dom, uint32_t node) {
  uint32_t n = node;
  while (n != kNoNode) {
    if (dom.nodes[n].next_sibling != kNoNode) return dom.nodes[n].next_sibling;
    n = dom.nodes[n].parent;
  }
  return static_cast<uint32_t>(dom.nodes.size());
}

std::string subtree_text(const Dom& dom, uint32_t node, size_t max_bytes) {
  std::string out;
  bool space = false;
  uint32_t end = subtree_end(dom, node);
  std::vector<uint32_t> block_ends;  // ends of the open blocks: leaving one separates words too
  for (uint32_t i = node; i < end && out.size() < max_bytes;) {
    while (!block_ends.empty() && block_ends.back() <= i) {
      block_ends.pop_back();
      space = !out.empty();
    }
    const DomNode& n = dom.nodes[i];
    if (n.hidden) {
      i = subtree_end(dom, i);
      continue;
    }
    if (n.is_text) {
      for (char c : dom.node_text(n)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
          space = !out.empty();
        } else {
          if (space) out.push_back(' ');
          space = false;
          out.push_back(c);
        }
      }
    } else if (is_block_tag(n.tag) || n.tag == HtmlTag::kBr || n.tag == HtmlTag::kTd ||
               n.tag == HtmlTag::kTh) {
      space = !out.empty();
      if (block_ends.size() < 1024) block_ends.push_back(subtree_end(dom, i));
    }
    ++i;
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

Dom parse_dom(std::string_view html, const DomOptions& options) {
  // Offsets into the pool are 32-bit: inputs beyond 1 GiB are cut (the ingest file limit is far
  // below that).
  if (html.size() > (1u << 30)) html = html.substr(0, 1u << 30);
  return Builder(html, options).build();
}

}  // namespace crosscheck::clean
