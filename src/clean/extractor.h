// Main-content extraction internals shared by extract_article() and its tests: the class/id hint
// classifier. The algorithm itself is described at the top of extractor.cc.
#pragma once

#include <string_view>

#include "src/clean/html_tokenizer.h"

namespace crosscheck::clean {

// What an element's tag, role and class/id words say about it.
enum class BlockHint : uint8_t {
  kNone,
  kPositive,       // article, content, story, body, post, entry, main, text ...
  kNavigation,     // nav, menu, breadcrumb, pagination, tags
  kRelated,        // related, recommended, popular, more stories
  kComments,       // comment, disqus, replies
  kNewsletter,     // newsletter, subscribe, signup
  kFooter,         // footer, copyright
  kCookie,         // cookie, consent, gdpr
  kAdvertisement,  // ad, ads, advert, sponsor, promo, banner
  kShare,          // share, social, follow
  kSidebar,        // sidebar, widget, aside
  kByline,         // byline, author
  kCaption,        // caption, image credit
  kDate,           // date, time, meta line (publication date / reading time)
};

// `hint` is DomNode's lower-cased class/id/role/itemprop string.
BlockHint classify_hint(HtmlTag tag, std::string_view hint);

// The Removed::kind string for a hint ("navigation", "related", ...); "boilerplate" for kNone.
std::string_view hint_kind(BlockHint hint);

}  // namespace crosscheck::clean
