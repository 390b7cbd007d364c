// Main-content extraction by DOM scoring.
//
// Idea. An article body is the part of a page where many paragraphs of running text sit together
// under one container with few links; navigation, related-story lists, comments, newsletter boxes
// and footers are short, link-heavy, or announce themselves in their class/id names. The algorithm
// follows the line of readability (paragraph scores propagated to ancestors, class/id weights,
// link-density penalty, sibling inclusion, conditional cleaning), trafilatura (tag/class hint word
// lists, fallbacks when the chosen container is too short) and Kohlschütter et al., "Boilerplate
// Detection using Shallow Text Features" (WSDM 2010: text density and link density separate
// content from boilerplate):
//   1. parse a DOM (dom.h) and prune elements whose tag/role/class/id name boilerplate
//      (navigation, comments, related, newsletter, cookie, share, ads, sidebar, footer) unless
//      they hold most of the page's text;
//   2. every paragraph-like block with >= 25 characters scores 1 + commas + min(chars/100, 3);
//      the score flows to its parent (full), grandparent (half) and further ancestors (1/3 level);
//   3. a candidate's final score is (score + tag/class weight) * (1 - link density); the best one
//      and its siblings that score close to it or look like prose paragraphs form the content;
//   4. inside the content, link-heavy or list-heavy containers are dropped (conditional cleaning),
//      as are bylines and a heading repeating the title;
//   5. if the content is shorter than ExtractOptions::min_content_chars, all prose-like blocks of
//      the page, then the whole visible text, are tried instead.
// Everything visible that is not emitted is listed in `removed` with a kind, bounded in size.
//
// Cost. Linear in the page: the DOM is an arena in pre-order, so every pass is a loop over node
// indices (backward for bottom-up sums, forward for inherited flags) -- no recursion, no per-node
// allocation; ancestor walks are at most five levels. Depth is capped by the DOM builder.
#include "src/clean/extractor.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "crosscheck/clean.h"
#include "src/clean/dom.h"
#include "src/clean/page_metadata.h"

namespace crosscheck::clean {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Splits the hint into words at spaces, '-', '_' and ':'; calls f(word) until it returns true.
template <typename F>
bool any_word(std::string_view hint, F f) {
  size_t i = 0;
  while (i < hint.size()) {
    while (i < hint.size() && (hint[i] == ' ' || hint[i] == '-' || hint[i] == '_' ||
                               hint[i] == ':' || hint[i] == '.' || hint[i] == '/')) {
      ++i;
    }
    size_t j = i;
    while (j < hint.size() && !(hint[j] == ' ' || hint[j] == '-' || hint[j] == '_' ||
                                hint[j] == ':' || hint[j] == '.' || hint[j] == '/')) {
      ++j;
    }
    if (j > i && f(hint.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool has(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

struct WordRule {
  std::string_view word;
  bool exact;  // the whole word must match (short words); else the word contains it
  BlockHint hint;
  // A strong word names boilerplate even next to a positive word ("post-comments",
  // "related-posts"); a weak one ("sidebar", "menu", "banner") also names page-layout wrappers
  // ("main-menu", "content-sidebar"), so a positive word next to it wins.
  bool strong = true;
};

// Order matters: the first rule that matches a word decides.
constexpr WordRule kRules[] = {
    {"comment", false, BlockHint::kComments},
    {"komment", false, BlockHint::kComments},
    {"coment", false, BlockHint::kComments},
    {"disqus", false, BlockHint::kComments},
    {"replies", true, BlockHint::kComments},
    {"respond", true, BlockHint::kComments},
    {"newsletter", false, BlockHint::kNewsletter},
    {"subscribe", false, BlockHint::kNewsletter},
    {"subscription", false, BlockHint::kNewsletter},
    {"signup", false, BlockHint::kNewsletter},
    {"cookie", false, BlockHint::kCookie},
    {"consent", false, BlockHint::kCookie},
    {"gdpr", false, BlockHint::kCookie},
    {"related", false, BlockHint::kRelated},
    {"recommend", false, BlockHint::kRelated},
    {"outbrain", false, BlockHint::kRelated},
    {"taboola", false, BlockHint::kRelated},
    {"popular", false, BlockHint::kRelated},
    {"trending", false, BlockHint::kRelated},
    {"mostread", false, BlockHint::kRelated},
    {"readmore", false, BlockHint::kRelated},
    {"teaser", false, BlockHint::kRelated, false},
    {"breadcrumb", false, BlockHint::kNavigation},
    {"pagination", false, BlockHint::kNavigation, false},
    {"pager", true, BlockHint::kNavigation, false},
    {"navbar", false, BlockHint::kNavigation, false},
    {"navigation", false, BlockHint::kNavigation},
    {"nav", true, BlockHint::kNavigation},
    {"menu", false, BlockHint::kNavigation, false},
    {"masthead", false, BlockHint::kNavigation, false},
    {"skiplink", false, BlockHint::kNavigation},
    {"tags", true, BlockHint::kNavigation, false},
    {"footer", false, BlockHint::kFooter},
    {"copyright", false, BlockHint::kFooter, false},
    {"contentinfo", true, BlockHint::kFooter},
    {"share", false, BlockHint::kShare},
    {"sharing", false, BlockHint::kShare},
    {"social", false, BlockHint::kShare, false},
    {"sidebar", false, BlockHint::kSidebar, false},
    {"complementary", true, BlockHint::kSidebar},
    {"ad", true, BlockHint::kAdvertisement},
    {"ads", true, BlockHint::kAdvertisement},
    {"advert", false, BlockHint::kAdvertisement},
    {"adslot", false, BlockHint::kAdvertisement},
    {"sponsor", false, BlockHint::kAdvertisement},
    {"promo", false, BlockHint::kAdvertisement, false},
    {"banner", false, BlockHint::kAdvertisement, false},
    {"disclosure", false, BlockHint::kAdvertisement},
    {"disclaimer", false, BlockHint::kAdvertisement},
    {"affiliate", false, BlockHint::kAdvertisement},
    {"popup", false, BlockHint::kAdvertisement},
    {"modal", false, BlockHint::kAdvertisement, false},
    {"caption", false, BlockHint::kCaption},
    {"legend", true, BlockHint::kCaption},
    {"credit", false, BlockHint::kCaption},
    {"byline", false, BlockHint::kByline},
    {"author", false, BlockHint::kByline},
    {"date", false, BlockHint::kDate},
    {"datum", false, BlockHint::kDate},
    {"time", true, BlockHint::kDate},
    {"timestamp", false, BlockHint::kDate},
    {"meta", true, BlockHint::kDate},
    {"postmeta", false, BlockHint::kDate},
};

// Word beginnings whose "-ate" forms contain "date" without meaning one: "candidate-name",
// "validated", "mandate" are not dates (the "-ation" forms never matched). ("update" stays one: "last-update" is a date line, and
// a kDate block is pruned only when short, so a long live-blog "update" entry is kept anyway.)
constexpr std::string_view kFalseFriends[] = {"candidat", "validat", "mandat", "accommodat",
                                              "consolidat", "liquidat"};

bool is_false_friend(std::string_view w) {
  for (std::string_view f : kFalseFriends) {
    if (starts_with(w, f)) return true;
  }
  return false;
}

constexpr std::string_view kPositiveWords[] = {"article", "content", "story", "body",  "post",
                                               "entry",   "main",    "text",  "prose", "blog"};

}  // namespace

BlockHint classify_hint(HtmlTag tag, std::string_view hint) {
  BlockHint found = BlockHint::kNone;
  bool strong = false;
  bool negated = false;  // "no-sidebar", "has-sidebar", "with-comments": a layout flag
  any_word(hint, [&](std::string_view w) {
    if (negated) {
      negated = false;
      return false;
    }
    if (w == "no" || w == "has" || w == "with" || w == "without" || w == "hide" || w == "show") {
      negated = true;
      return false;
    }
    if (is_false_friend(w)) return false;
    for (const WordRule& r : kRules) {
      if (r.exact ? w == r.word : has(w, r.word)) {
        found = r.hint;
        strong = r.strong;
        return true;
      }
    }
    return false;
  });
  if (found == BlockHint::kNone) {
    switch (tag) {
      case HtmlTag::kNav:
        return BlockHint::kNavigation;
      case HtmlTag::kAside:
        return BlockHint::kSidebar;
      case HtmlTag::kFooter:
        return BlockHint::kFooter;
      default:
        break;
    }
  }
  // <footer class="entry-meta">, <aside class="author-bio">: the tag says more than a
  // byline/date/caption word, which is pruned only when short.
  if ((found == BlockHint::kByline || found == BlockHint::kDate || found == BlockHint::kCaption) &&
      (tag == HtmlTag::kFooter || tag == HtmlTag::kAside || tag == HtmlTag::kNav)) {
    return tag == HtmlTag::kFooter ? BlockHint::kFooter
           : tag == HtmlTag::kAside ? BlockHint::kSidebar
                                    : BlockHint::kNavigation;
  }
  if (found != BlockHint::kNone && strong) return found;
  bool positive = any_word(hint, [](std::string_view w) {
    for (std::string_view p : kPositiveWords) {
      if (starts_with(w, p)) return true;
    }
    return false;
  });
  return positive ? BlockHint::kPositive : found;
}

std::string_view hint_kind(BlockHint hint) {
  switch (hint) {
    case BlockHint::kNavigation:
      return "navigation";
    case BlockHint::kRelated:
      return "related";
    case BlockHint::kComments:
      return "comments";
    case BlockHint::kNewsletter:
      return "newsletter";
    case BlockHint::kFooter:
      return "footer";
    case BlockHint::kCookie:
      return "cookie";
    case BlockHint::kAdvertisement:
      return "advertisement";
    case BlockHint::kShare:
      return "share";
    case BlockHint::kSidebar:
      return "sidebar";
    case BlockHint::kByline:
      return "byline";
    case BlockHint::kCaption:
      return "caption";
    case BlockHint::kDate:
      return "date";
    default:
      return "boilerplate";
  }
}

namespace {

bool is_heading(HtmlTag tag) {
  return tag == HtmlTag::kH1 || tag == HtmlTag::kH2 || tag == HtmlTag::kH3 || tag == HtmlTag::kH4 ||
         tag == HtmlTag::kH5 || tag == HtmlTag::kH6;
}

// Blocks that are units of text ("paragraphs") for scoring and output.
bool is_text_block(HtmlTag tag) {
  return is_block_tag(tag) || tag == HtmlTag::kTd || tag == HtmlTag::kTh;
}

bool is_negative(BlockHint h) { return h != BlockHint::kNone && h != BlockHint::kPositive; }

// Writes collapsed text with paragraph / line separators that materialise only before more text.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void paragraph() { pending_ = 3; }
  void line() { pending_ = std::max(pending_, 2); }
  void space() { pending_ = std::max(pending_, 1); }
  void add(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        space();
        continue;
      }
      if (pending_ > 0 && !out_.empty()) {
        out_.append(pending_ == 3 ? "\n\n" : pending_ == 2 ? "\n" : " ");
      }
      pending_ = 0;
      out_.push_back(c);
    }
  }

 private:
  std::string& out_;
  int pending_ = 0;
};

class Extractor {
 public:
  Extractor(const Dom& dom, const ExtractOptions& options, bool honor_hidden)
      : dom_(dom),
        options_(options),
        n_(static_cast<uint32_t>(dom.nodes.size())),
        honor_hidden_(honor_hidden) {}

  // Fills page.text and page.removed. Returns the number of visible characters of hidden
  // elements (0 when hidden elements are not honoured).
  float run(ExtractedPage& page);

 private:
  enum Mode { kContent, kParagraphs, kAll };

  void measure();
  void prune();
  void live_stats();
  void score();
  uint32_t choose();
  void select_content(uint32_t top);
  void clean_content();
  void drop_trailing_notices();
  // Drops element i, and everything inside it, from the output as `kind`.
  void drop(uint32_t i, std::string_view kind) {
    pruned_[i] = 1;
    pruned_kind_[i] = kind;
    for (uint32_t k = i; k < end_[i]; ++k) out_[k] = 1;
  }
  double emit(Mode mode, std::string& text, std::vector<Removed>* removed);
  void record(std::vector<Removed>& removed, std::string_view kind, uint32_t node);

  // A cookie notice or a pop-up dialog ("cookie-consent", "newsletter-popup", "cli-modal").
  bool is_overlay(uint32_t i) {
    BlockHint h = hint_of(i);
    return h == BlockHint::kCookie ||
           (h == BlockHint::kAdvertisement &&
            any_word(dom_.hint(dom_.nodes[i]), [](std::string_view w) {
              return has(w, "popup") || starts_with(w, "modal");
            }));
  }
  // The end of the element's text (its first 400 characters), trailing spaces removed: the two
  // tests below look only at how it ends.
  std::string text_end(uint32_t i) const {
    std::string t = subtree_text(dom_, i, 400);
    while (!t.empty() && is_space(t.back())) t.pop_back();
    return t;
  }
  bool ends_sentence(uint32_t i) const {
    std::string t = text_end(i);
    if (t.empty()) return false;
    char c = t.back();
    return c == '.' || c == '!' || c == '?' || c == '"' || c == ')' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
  }
  // The element's text ends in ':' (a label announcing what follows).
  bool ends_with_colon(uint32_t i) const {
    std::string t = text_end(i);
    return (!t.empty() && t.back() == ':') || t.ends_with("\uff1a");
  }
  BlockHint hint_of(uint32_t i) {
    if (hint_cached_[i] == 0) {
      const DomNode& n = dom_.nodes[i];
      hint_[i] = n.is_text ? BlockHint::kNone : classify_hint(n.tag, dom_.hint(n));
      hint_cached_[i] = 1;
    }
    return hint_[i];
  }
  double density(uint32_t i) const { return chars_[i] > 0 ? link_[i] / chars_[i] : 0.0; }

  const Dom& dom_;
  const ExtractOptions& options_;
  uint32_t n_;
  bool honor_hidden_;
  float hidden_chars_ = 0;
  uint32_t end_body_ = 0;
  std::vector<uint32_t> end_;     // subtree end
  std::vector<uint8_t> dead_;     // hidden, or inside a hidden element
  std::vector<uint8_t> in_link_;  // inside <a>
  std::vector<float> raw_chars_;  // visible characters before pruning
  std::vector<BlockHint> hint_;
  std::vector<uint8_t> hint_cached_;
  std::vector<int8_t> pruned_;  // 0 or the BlockHint+1 / special kind of a pruned subtree root
  std::vector<std::string_view> pruned_kind_;
  std::vector<uint8_t> out_;  // inside a pruned subtree (including the root)
  std::vector<float> chars_;  // live (unpruned) visible characters
  std::vector<float> link_;   // live characters inside links
  std::vector<float> commas_;
  std::vector<uint32_t> block_;    // nearest text block (self for blocks)
  std::vector<float> para_chars_;  // characters of text whose nearest block is this node
  std::vector<float> para_link_;
  std::vector<float> para_commas_;
  std::vector<float> prose_;  // characters of paragraphs (>= 25 chars, few links) inside
  std::vector<float> score_;
  std::vector<uint8_t> scored_;
  std::vector<uint8_t> selected_;  // node is inside the chosen content
  std::string title_;
  size_t removed_extra_blocks_ = 0;
  size_t removed_extra_chars_ = 0;
};

void Extractor::measure() {
  end_.assign(n_, 0);
  dead_.assign(n_, 0);
  in_link_.assign(n_, 0);
  raw_chars_.assign(n_, 0);
  hint_.assign(n_, BlockHint::kNone);
  hint_cached_.assign(n_, 0);
  std::vector<uint8_t> opaque(n_, 0);
  for (uint32_t i = 0; i < n_; ++i) {
    const DomNode& n = dom_.nodes[i];
    opaque[i] = n.opaque || (i > 0 && opaque[n.parent]);
    uint8_t parent_dead = i > 0 ? dead_[n.parent] : 0;
    dead_[i] = parent_dead || n.opaque || (n.hidden && honor_hidden_);
    in_link_[i] = (i > 0 && in_link_[n.parent]) || n.tag == HtmlTag::kA;
    if (n.is_text && !dead_[i]) {
      float c = 0;
      for (char ch : dom_.node_text(n)) {
        c += (!is_space(ch) && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) ? 1.0f : 0.0f;
      }
      raw_chars_[i] = c;
    } else if (n.is_text && honor_hidden_ && !opaque[i]) {
      hidden_chars_ += static_cast<float>(n.text_size);
    }
  }
  for (uint32_t i = n_; i-- > 0;) {
    const DomNode& n = dom_.nodes[i];
    if (end_[i] == 0) end_[i] = i + 1;
    if (i > 0) {
      raw_chars_[n.parent] += raw_chars_[i];
      end_[n.parent] = std::max(end_[n.parent], end_[i]);
    }
  }
  end_body_ = end_[dom_.body];
}

void Extractor::prune() {
  pruned_.assign(n_, 0);
  pruned_kind_.assign(n_, {});
  out_.assign(n_, 0);
  live_stats();  // with nothing pruned yet: the page's prose as written
  std::vector<float> page_prose = prose_;
  float body_prose = page_prose[dom_.body];
  float body_chars = raw_chars_[dom_.body];
  // Cookie notices and pop-up dialogs are never the story, however much they say: they are
  // pruned whatever their size, and the shares of "the page" below are taken without them (a
  // privacy policy in a settings dialog can outweigh a short article).
  for (uint32_t i = dom_.body + 1; i < end_body_;) {
    if (!dom_.nodes[i].is_text && !dead_[i] && is_overlay(i)) {
      body_prose -= page_prose[i];
      body_chars -= raw_chars_[i];
      i = end_[i];
    } else {
      ++i;
    }
  }
  for (uint32_t i = dom_.body + 1; i < end_body_; ++i) {
    const DomNode& n = dom_.nodes[i];
    if (out_[n.parent]) {
      out_[i] = 1;
      continue;
    }
    if (n.is_text || dead_[i]) continue;
    BlockHint h = hint_of(i);
    // A byline is pruned only when it is short: a container named "author-page" holds content.
    bool prune = is_negative(h) &&
                 ((h != BlockHint::kByline && h != BlockHint::kCaption && h != BlockHint::kDate) ||
                  raw_chars_[i] < (h == BlockHint::kDate ? 100 : 300));
    // An author box ("about the author": name, photo, a short biography) is longer than a byline
    // but still a small part of the page's prose.
    if (!prune && h == BlockHint::kByline && raw_chars_[i] < 1000 &&
        page_prose[i] < 0.2f * body_prose) {
      prune = true;
    }
    // A hint on a container holding most of the page is more likely a template's class name
    // ("single-post has-sidebar", "comments-open") than a boilerplate block.
    bool overlay = is_overlay(i);
    if (prune && !overlay && raw_chars_[i] > 0.5f * body_chars && body_chars > 200) prune = false;
    // Likewise for one holding most of the page's prose ("entry share", "post paywalled"):
    // comment threads are the exception, they are prose too and often longer than the story.
    if (prune && !overlay && h != BlockHint::kComments && page_prose[i] > 0.5f * body_prose &&
        body_prose > 200) {
      prune = false;
    }
    // Related stories link to them; a block so named without links is a lead ("article-teaser").
    if (prune && h == BlockHint::kRelated && chars_[i] >= 80 && link_[i] < 0.1f * chars_[i]) {
      prune = false;
    }
    // Headings and paragraphs are content units; their classes rarely mean boilerplate.
    if (prune && (is_heading(n.tag)) && h != BlockHint::kByline &&
        h != BlockHint::kCaption && h != BlockHint::kDate) {
      prune = false;
    }
    // Buttons and dialogs are interface, not prose (a button left unclosed by a missing '>' still
    // holds the rest of the page, as in browsers, so only small ones go).
    std::string_view kind = hint_kind(h);
    if (!prune && (n.tag == HtmlTag::kButton || n.tag == HtmlTag::kDialog) && raw_chars_[i] < 200) {
      prune = true;
      kind = "interface";
    }
    // A <time> standing alone (not inside a sentence) is the page's date line.
    if (!prune && n.tag == HtmlTag::kTime && raw_chars_[i] < 80 &&
        para_chars_[block_[i]] < raw_chars_[i] + 30) {
      prune = true;
      kind = "date";
    }
    // Short text in an element named after a picture ("image-source", "photo-credit",
    // "bildunterschrift", "img-description") is its caption or credit.
    if (!prune && raw_chars_[i] < 200 && n.tag != HtmlTag::kArticle && n.tag != HtmlTag::kMain &&
        any_word(dom_.hint(n), [negated = false](std::string_view w) mutable {
          // "with-featured-image", "no-image": a layout flag, as in classify_hint
          if (negated || w == "no" || w == "has" || w == "with" || w == "without") {
            negated = !negated;
            return false;
          }
          return starts_with(w, "image") || starts_with(w, "img") || starts_with(w, "photo") ||
                 starts_with(w, "foto") ||
                 (starts_with(w, "bild") && !starts_with(w, "bildung")) ||  // not "education"
                 starts_with(w, "picture") ||
                 starts_with(w, "figure") || w == "pic";
        })) {
      prune = true;
      kind = "caption";
    }
    // Image captions and credits describe a picture, not the story.
    if (!prune && n.tag == HtmlTag::kFigcaption) {
      prune = true;
      kind = "caption";
    }
    if (prune) {
      pruned_[i] = 1;
      pruned_kind_[i] = kind;
      out_[i] = 1;
    }
  }
}

void Extractor::live_stats() {
  chars_.assign(n_, 0);
  link_.assign(n_, 0);
  commas_.assign(n_, 0);
  block_.assign(n_, 0);
  para_chars_.assign(n_, 0);
  para_link_.assign(n_, 0);
  para_commas_.assign(n_, 0);
  for (uint32_t i = 0; i < n_; ++i) {
    const DomNode& n = dom_.nodes[i];
    block_[i] = (!n.is_text && is_text_block(n.tag)) || i == 0 ? i : block_[n.parent];
    if (!n.is_text || out_[i] || dead_[i] || raw_chars_[i] == 0) continue;
    float c = raw_chars_[i];
    float commas = 0;
    for (char ch : dom_.node_text(n)) commas += ch == ',' ? 1.0f : 0.0f;
    chars_[i] = c;
    commas_[i] = commas;
    if (in_link_[i]) link_[i] = c;
    uint32_t b = block_[i];
    para_chars_[b] += c;
    para_commas_[b] += commas;
    if (in_link_[i]) para_link_[b] += c;
  }
  prose_.assign(n_, 0);
  for (uint32_t b = 0; b < n_; ++b) {
    if (para_chars_[b] >= 25 && para_link_[b] < 0.5f * para_chars_[b]) {
      prose_[b] = para_chars_[b] - para_link_[b];
    }
  }
  for (uint32_t i = n_; i-- > 1;) {
    uint32_t p = dom_.nodes[i].parent;
    prose_[p] += prose_[i];
    chars_[p] += chars_[i];
    link_[p] += link_[i];
    commas_[p] += commas_[i];
  }
}

void Extractor::score() {
  score_.assign(n_, 0);
  scored_.assign(n_, 0);
  for (uint32_t b = dom_.body; b < end_body_; ++b) {
    const DomNode& n = dom_.nodes[b];
    if (n.is_text || out_[b] || para_chars_[b] < 25) continue;
    if (para_link_[b] > 0.5f * para_chars_[b]) continue;  // a link list is not prose
    double s = 1.0 + para_commas_[b] + std::min(3.0, std::floor(para_chars_[b] / 100.0));
    // The paragraph's own block counts when it is a container with direct text (div, td).
    uint32_t a = n.tag == HtmlTag::kP || is_heading(n.tag) ? n.parent : b;
    for (int level = 0; level < 5 && a != kNoNode && a >= dom_.body; ++level) {
      double share = level == 0 ? 1.0 : level == 1 ? 0.5 : 1.0 / (3.0 * level);
      score_[a] += s * share;
      scored_[a] = 1;
      if (a == dom_.body) break;
      a = dom_.nodes[a].parent;
    }
  }
  for (uint32_t i = dom_.body; i < end_body_; ++i) {
    if (!scored_[i]) continue;
    const DomNode& n = dom_.nodes[i];
    double w = 0;
    switch (n.tag) {
      case HtmlTag::kDiv:
      case HtmlTag::kArticle:
      case HtmlTag::kMain:
      case HtmlTag::kSection:
        w += 5;
        break;
      case HtmlTag::kPre:
      case HtmlTag::kTd:
      case HtmlTag::kBlockquote:
        w += 3;
        break;
      case HtmlTag::kAddress:
      case HtmlTag::kOl:
      case HtmlTag::kUl:
      case HtmlTag::kDl:
      case HtmlTag::kDd:
      case HtmlTag::kDt:
      case HtmlTag::kLi:
      case HtmlTag::kForm:
        w -= 3;
        break;
      case HtmlTag::kTh:
        w -= 5;
        break;
      default:
        break;
    }
    BlockHint h = hint_of(i);
    if (h == BlockHint::kPositive) w += 25;
    if (is_negative(h)) w -= 25;
    score_[i] = (score_[i] + w) * (1.0 - density(i));
  }
}

uint32_t Extractor::choose() {
  uint32_t top = kNoNode;
  for (uint32_t i = dom_.body; i < end_body_; ++i) {
    if (scored_[i] && (top == kNoNode || score_[i] > score_[top])) top = i;
  }
  if (top == kNoNode) return top;
  // A candidate that is the only element child of its parent says nothing its parent does not.
  while (top != dom_.body) {
    uint32_t p = dom_.nodes[top].parent;
    if (p == kNoNode || p < dom_.body) break;
    uint32_t elements = 0;
    for (uint32_t c = dom_.nodes[p].first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      if (!dom_.nodes[c].is_text || chars_[c] > 0) ++elements;
    }
    if (elements != 1) break;
    top = p;
  }
  // Climb while an ancestor adds mostly prose: the body is then spread over several of its
  // children (sections, list entries, page-builder widgets), each scoring less than the whole. An
  // ancestor is judged against the last accepted one, a few levels ahead, so that a level adding
  // only a heading does not stop the climb; a link-heavy ancestor does.
  uint32_t best = top;
  for (int steps = 0; steps < 3 && top != dom_.body; ++steps) {
    uint32_t p = dom_.nodes[top].parent;
    if (p == kNoNode || p < dom_.body || density(p) > 0.3) break;
    float added_prose = prose_[p] - prose_[best];
    float added_chars = chars_[p] - chars_[best];
    if (added_chars <= 0.02f * chars_[best]) {
      best = p;  // a wrapper: same text
      steps = -1;
    } else if (added_prose >= 0.15f * prose_[best] && added_prose >= 0.5f * added_chars) {
      best = p;
      steps = -1;
    }
    top = p;
  }
  top = best;
  return top;
}

void Extractor::select_content(uint32_t top) {
  selected_.assign(n_, 0);
  auto select = [&](uint32_t root) {
    for (uint32_t i = root; i < end_[root]; ++i) selected_[i] = 1;
  };
  select(top);
  if (top == dom_.body) return;
  uint32_t parent = dom_.nodes[top].parent;
  double threshold = std::max(10.0, score_[top] * 0.2);
  std::string_view top_hint = dom_.hint(dom_.nodes[top]);
  for (uint32_t c = dom_.nodes[parent].first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
    if (c == top || out_[c] || dead_[c]) continue;
    const DomNode& n = dom_.nodes[c];
    bool take = false;
    double bonus = !top_hint.empty() && dom_.hint(n) == top_hint ? score_[top] * 0.2 : 0.0;
    if (scored_[c] && score_[c] + bonus >= threshold) take = true;
    if (!take &&
        (n.tag == HtmlTag::kP || n.is_text || is_heading(n.tag) || n.tag == HtmlTag::kBlockquote ||
         n.tag == HtmlTag::kUl || n.tag == HtmlTag::kOl)) {
      double ld = density(c);
      if (chars_[c] > 80 && ld < 0.25) take = true;
      if (chars_[c] > 0 && chars_[c] <= 80 && ld == 0 && n.tag == HtmlTag::kP) take = true;
    }
    if (take) select(c);
  }
}

void Extractor::clean_content() {
  for (uint32_t i = dom_.body; i < end_body_; ++i) {
    const DomNode& n = dom_.nodes[i];
    if (!selected_[i] || out_[i] || n.is_text || dead_[i]) continue;
    // A heading that repeats the title is the page's headline, not body text.
    if ((n.tag == HtmlTag::kH1 || n.tag == HtmlTag::kH2) && !title_.empty() && chars_[i] > 0) {
      std::string t = subtree_text(dom_, i, 600);
      // The <title> often adds the site: "Headline | Site", "Headline - Site".
      bool same = t == title_;
      if (!same && t.size() >= 20 && starts_with(title_, t)) {
        std::string_view rest = std::string_view(title_).substr(t.size());
        for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
          same = same || starts_with(rest, sep);
        }
      }
      if (same) {
        drop(i, "title");
        continue;
      }
    }
    // A short paragraph that is mostly one link ("Read also: <headline>", ">> <headline> <<") points
    // to another page.
    if (n.tag == HtmlTag::kP && chars_[i] < 200 && density(i) >= 0.5) {
      drop(i, "links");
      continue;
    }
    bool container = n.tag == HtmlTag::kDiv || n.tag == HtmlTag::kSection ||
                     n.tag == HtmlTag::kUl || n.tag == HtmlTag::kOl || n.tag == HtmlTag::kTable ||
                     n.tag == HtmlTag::kForm || n.tag == HtmlTag::kHeader ||
                     n.tag == HtmlTag::kFooter || n.tag == HtmlTag::kAside ||
                     n.tag == HtmlTag::kNav || n.tag == HtmlTag::kDl;
    if (!container || commas_[i] >= 10 || chars_[i] == 0) continue;
    BlockHint h = hint_of(i);
    double ld = density(i);
    double weight = h == BlockHint::kPositive ? 25 : 0;
    if ((weight < 25 && ld > 0.33) || (weight >= 25 && ld > 0.5))
      drop(i, is_negative(h) ? hint_kind(h) : std::string_view("links"));
  }
  // A heading introducing a block that was dropped ("Related articles" over a link list, "More on
  // this topic") goes with it: it has nothing left to head. So does a heading or a short label
  // ending in ':' ("Further reading:", "Contact:") with no content text after it at all.
  drop_trailing_notices();
  auto live_text = [&](uint32_t k) {
    return dom_.nodes[k].is_text && selected_[k] && !out_[k] && chars_[k] > 0;
  };
  uint32_t last_live = 0;  // the last text node of the content that is emitted
  for (uint32_t i = dom_.body; i < end_body_; ++i) {
    if (live_text(i)) last_live = i;
  }
  auto retreat = [&] {  // after a drop at the end: the last emitted text is now before it
    while (last_live > dom_.body && !live_text(last_live)) --last_live;
  };
  for (uint32_t i = end_body_; i-- > dom_.body;) {
    const DomNode& n = dom_.nodes[i];
    if (!selected_[i] || out_[i] || n.is_text || chars_[i] == 0) continue;
    bool heading = is_heading(n.tag);
    bool label = !heading && is_text_block(n.tag) && chars_[i] < 100 && ends_with_colon(i);
    bool stub = !heading && !label && end_[i] > last_live && is_text_block(n.tag) &&
                chars_[i] < 40 && commas_[i] == 0 && block_[last_live] == i && !ends_sentence(i);
    if (stub) {
      drop(i, "label");
      retreat();
      continue;
    }
    if (!heading && !label) continue;
    if (heading && chars_[i] >= 80) continue;
    uint32_t next = n.next_sibling;
    while (next != kNoNode && raw_chars_[next] == 0) next = dom_.nodes[next].next_sibling;
    std::string_view kind;
    if (next != kNoNode && pruned_[next]) {
      kind = pruned_kind_[next];
    } else if (end_[i] > last_live) {
      kind = "label";
    } else {
      continue;
    }
    drop(i, kind);
    if (end_[i] > last_live) retreat();
  }
}

// Paragraphs set wholly in italics or bold after the last plain paragraph of the content are
// notices about the article, not the article: "Follow us on ...", "This article is the copyrighted
// property of ...", "Advertisement: contains affiliate links".
void Extractor::drop_trailing_notices() {
  auto emphasis = [](HtmlTag t) {
    return t == HtmlTag::kEm || t == HtmlTag::kI || t == HtmlTag::kStrong || t == HtmlTag::kB;
  };
  uint32_t i = end_body_;
  while (i-- > dom_.body) {
    const DomNode& n = dom_.nodes[i];
    if (!n.is_text || !selected_[i] || out_[i] || chars_[i] == 0) continue;
    uint32_t b = block_[i];
    if (b <= dom_.body || dom_.nodes[b].tag != HtmlTag::kP || out_[b] || chars_[b] >= 300) return;
    // every text node of the paragraph sits inside an emphasis element within it
    float emphasized = 0;
    for (uint32_t k = b + 1; k < end_[b]; ++k) {
      if (!dom_.nodes[k].is_text || chars_[k] == 0) continue;
      for (uint32_t a = dom_.nodes[k].parent; a != b && a != kNoNode; a = dom_.nodes[a].parent) {
        if (emphasis(dom_.nodes[a].tag)) {
          emphasized += chars_[k];
          break;
        }
      }
    }
    if (emphasized < chars_[b] || link_[b] == 0) return;
    pruned_[b] = 1;
    pruned_kind_[b] = "notice";
    for (uint32_t k = b; k < end_[b]; ++k) out_[k] = 1;
    i = b;
  }
}

void Extractor::record(std::vector<Removed>& removed, std::string_view kind, uint32_t node) {
  if (chars_[node] == 0 && raw_chars_[node] == 0) return;
  if (removed.size() >= options_.max_removed) {
    ++removed_extra_blocks_;
    removed_extra_chars_ += static_cast<size_t>(raw_chars_[node]);
    return;
  }
  std::string text = subtree_text(dom_, node, options_.removed_text_bytes + 1);
  if (text.empty()) return;
  if (text.size() > options_.removed_text_bytes) {
    size_t cut = options_.removed_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    text.append("\u2026");
  }
  removed.push_back(Removed{std::string(kind), std::move(text)});
}

// Writes the text of the chosen mode; returns its link density. When `removed` is given, every
// maximal visible subtree left out is recorded there.
double Extractor::emit(Mode mode, std::string& text, std::vector<Removed>* removed) {
  // Which text nodes are emitted, and which subtrees contain emitted text.
  std::vector<uint8_t> emitted(n_, 0);
  for (uint32_t i = dom_.body; i < end_body_; ++i) {
    const DomNode& n = dom_.nodes[i];
    if (!n.is_text || dead_[i]) continue;
    bool take = false;
    switch (mode) {
      case kContent:
        take = selected_[i] && !out_[i];
        break;
      case kParagraphs: {
        uint32_t b = block_[i];
        take = !out_[i] && para_chars_[b] >= 25 && para_link_[b] < 0.3f * para_chars_[b];
        break;
      }
      case kAll:
        take = !out_[i];
        break;
    }
    emitted[i] = take ? 1 : 0;
  }
  std::vector<uint8_t> holds(n_, 0);
  for (uint32_t i = end_body_; i-- > dom_.body + 1;) {
    if (emitted[i] || holds[i]) holds[dom_.nodes[i].parent] = 1;
    if (emitted[i]) holds[i] = 1;
  }
  Writer w(text);
  double total = 0, linked = 0;
  uint32_t last_block = kNoNode;
  bool boundary = false;
  for (uint32_t i = dom_.body; i < end_body_;) {
    const DomNode& n = dom_.nodes[i];
    if (dead_[i]) {
      i = end_[i];
      continue;
    }
    if (n.tag == HtmlTag::kBr && !n.is_text) {
      w.line();
      ++i;
      continue;
    }
    if (i > dom_.body && !holds[i]) {
      if (removed != nullptr && raw_chars_[i] > 0) {
        std::string_view kind = pruned_[i] ? pruned_kind_[i] : std::string_view();
        if (kind.empty()) {
          BlockHint h = hint_of(i);
          kind = is_negative(h) ? hint_kind(h) : std::string_view("boilerplate");
        }
        record(*removed, kind, i);
      }
      if (!n.is_text && is_text_block(n.tag)) boundary = true;
      i = end_[i];
      continue;
    }
    if (n.is_text) {
      if (block_[i] != last_block || boundary) w.paragraph();
      w.add(dom_.node_text(n));
      total += chars_[i];
      if (in_link_[i]) linked += chars_[i];
      last_block = block_[i];
      boundary = false;
    } else if (n.tag == HtmlTag::kBr) {
      w.line();
    } else if (n.tag == HtmlTag::kTd || n.tag == HtmlTag::kTh) {
      w.space();
      boundary = true;
    } else if (is_text_block(n.tag)) {
      boundary = true;
    }
    ++i;
  }
  return total > 0 ? linked / total : 0.0;
}

float Extractor::run(ExtractedPage& page) {
  title_ = page.title;
  measure();
  prune();
  live_stats();
  score();
  uint32_t top = choose();
  Mode mode = kContent;
  if (top == kNoNode) {
    mode = kAll;
    selected_.assign(n_, 0);
  } else {
    select_content(top);
    clean_content();
  }
  std::string text;
  emit(mode, text, nullptr);
  // Fallbacks when the content is too short: prose-like blocks anywhere, then everything visible.
  auto length = [](const std::string& s) {
    size_t c = 0;
    for (char ch : s) c += !is_space(ch) && (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return c;
  };
  if (length(text) < options_.min_content_chars) {
    std::string paragraphs;
    emit(kParagraphs, paragraphs, nullptr);
    if (length(paragraphs) > length(text) * 3 / 2) {
      text = std::move(paragraphs);
      mode = kParagraphs;
    }
    if (length(text) < options_.min_content_chars) {
      std::string all;
      double ld = emit(kAll, all, nullptr);
      if (ld < 0.5 && length(all) > length(text) * 3 / 2) mode = kAll;
    }
  }
  page.text.clear();
  emit(mode, page.text, &page.removed);
  if (removed_extra_blocks_ > 0) {
    page.removed.push_back(
        Removed{"more", std::to_string(removed_extra_blocks_) + " more blocks, " +
                            std::to_string(removed_extra_chars_) + " characters"});
  }
  return hidden_chars_;
}

}  // namespace

ExtractedPage extract_article(std::string_view html, const ExtractOptions& options) {
  ExtractedPage page;
  Dom dom = parse_dom(html);
  PageMetadata meta = read_metadata(dom);
  page.title = std::move(meta.title);
  page.language = std::move(meta.language);
  page.site_name = std::move(meta.site_name);
  page.url = std::move(meta.url);
  page.published = std::move(meta.published);
  page.authors = std::move(meta.authors);
  float hidden = Extractor(dom, options, /*honor_hidden=*/true).run(page);
  // Pages rendered by script often ship their article in a hidden element that the script reveals
  // (streamed server rendering): when honouring `hidden` leaves too little, try again without.
  if (hidden > 0 && page.text.size() < options.min_content_chars) {
    ExtractedPage retry = page;
    retry.text.clear();
    retry.removed.clear();
    Extractor(dom, options, /*honor_hidden=*/false).run(retry);
    if (retry.text.size() > page.text.size() * 2 + 100) page = std::move(retry);
  }
  return page;
}

}  // namespace crosscheck::clean
