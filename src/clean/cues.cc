// Cue lexicons. Kept as plain word lists so that a reviewer can read them at a glance; lookups go
// through hash sets built once on first use (thread-safe static initialisation).
#include "src/clean/cues.h"

#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace crosscheck::clean::cues {
namespace {

using Set = std::unordered_set<std::string_view>;

Set make_set(std::initializer_list<std::string_view> words) { return Set(words); }

bool contains_phrase(std::string_view padded, std::string_view phrase) {
  // `phrase` is given with surrounding spaces, so this is a whole-word match.
  return padded.find(phrase) != std::string_view::npos;
}

}  // namespace

bool is_ad_marker(std::string_view line) {
  static const Set kMarkers = make_set({
      "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
      "sponsored content", "sponsored post", "sponsored story", "sponsored links",
      "paid content", "paid post", "paid partnership", "promoted", "promoted content",
      "promoted stories", "partner content", "content from our partners", "from our partners",
      "story continues below", "story continues below advertisement",
      "article continues below", "article continues below advertisement",
      "article continues after advertisement", "continue reading below",
      "continue reading below advertisement", "continue reading the main story",
      "scroll to continue", "scroll to continue with content",
      "advertisement scroll to continue with content", "ad feedback", "report this ad",
      "report an ad", "skip advertisement", "anzeige", "werbung", "publicidad", "publicite",
      "publicité", "pubblicità", "pubblicita", "reklama", "реклама", "annonce", "advertentie"});
  return kMarkers.count(line) > 0;
}

bool is_ui_cue(std::string_view w) {
  static const Set kCues = make_set({
      // calls to action
      "follow", "following", "share", "shares", "subscribe", "subscribed", "sign", "signup",
      "log", "login", "logout", "register", "donate", "read", "explore", "ask", "click",
      "tap", "download", "exploring", "ask", "install", "watch", "listen", "join", "remind", "reply", "comment",
      "tweet", "retweet", "print", "email", "e-mail", "save", "bookmark", "skip", "continue",
      "load", "view", "show", "hide", "discover", "learn", "contact", "upgrade",
      // labels of page furniture
      "comments", "related", "newsletter", "newsletters", "trending", "recommended", "popular",
      "tags", "topics", "advertisement", "menu", "notifications", "alerts", "podcast", "rss",
      "feedback", "cookies", "cookie", "privacy", "copyright", "accept", "reject", "manage"});
  // Platform names are objects, not calls to action: "4. TikTok" in a list of platforms is
  // content, "Share on TikTok" is a button because of "share".
  return kCues.count(w) > 0;
}

bool is_ui_word(std::string_view w) {
  static const Set kWords = make_set({
      // function words that glue interface phrases together
      "a", "an", "the", "this", "that", "these", "our", "us", "me", "my", "your", "you", "we",
      "it", "to", "for", "on", "in", "at", "of", "and", "or", "with", "via", "by", "from", "up",
      "in", "out", "off", "all", "more", "most", "other", "here", "now", "today", "later", "free",
      "no", "yes", "not", "thanks", "please", "now", "next", "previous", "back", "top", "home",
      "also", "again", "new", "latest", "anything", "everything", "something", "question",
      "questions", "answer", "answers",
      // objects of the calls to action
      "article", "articles", "story", "stories", "post", "posts", "page", "link", "links",
      "copy", "url", "video", "videos", "photo", "photos", "gallery", "image", "images", "news",
      "updates", "update", "app", "apps", "account", "free", "trial", "offer", "offers",
      "edition", "digest", "briefing", "inbox", "channel", "channels", "profile", "author",
      "authors", "list", "lists", "search", "section", "sections", "subscription",
      "subscriptions", "member", "members", "membership", "site", "website", "social", "media",
      "x", "google", "apple", "store", "play", "similar", "full", "coverage", "conversation",
      "discussion", "feed", "feeds", "push", "topic", "tag", "view", "views", "print",
      "version", "mode", "dark", "light", "text", "size", "font", "audio", "listen", "minute",
      "minutes", "min", "time", "reading", "click", "here", "below", "above", "button",
      "open", "close", "closed", "loading", "got", "it", "ok", "okay", "accept", "reject",
      "manage", "settings", "preferences", "options", "cancel", "learn", "about", "contact",
      "summary", "ai", "generated", "powered", "explained", "faq", "faqs", "help", "remind",
      "unlimited", "access", "sign", "in", "instantly", "daily", "weekly", "morning",
      "evening", "first", "comment", "comments", "be", "the", "join", "community",
      "notification", "notifications", "bell", "icon", "whatsapp", "facebook", "twitter",
      "instagram", "linkedin", "telegram", "youtube", "tiktok", "reddit", "pinterest",
      "bluesky", "mastodon", "flipboard", "threads", "messenger", "sms", "mail",
      // site footer
      "terms", "use", "conditions", "policy", "corrections", "careers", "jobs", "advertise",
      "imprint", "impressum", "sitemap", "legal", "accessibility", "press", "team", "contact"});
  return is_ui_cue(w) || kWords.count(w) > 0;
}

bool is_button_word(std::string_view w) {
  static const Set kButtons = make_set({"follow", "share", "subscribe", "tweet", "retweet",
                                        "comments", "advertisement", "unfollow", "following"});
  return kButtons.count(w) > 0;
}

bool is_link_label(std::string_view label) {
  static const Set kLabels = make_set({
      "read more", "read also", "also read", "read next", "more", "more from", "more on this",
      "more on this story", "more coverage", "related", "related articles", "related stories",
      "related coverage", "related content", "related news", "related topics", "related video",
      "see also", "recommended", "recommended for you", "recommended stories", "you may also like",
      "you might also like", "don't miss", "dont miss", "must read", "tags", "topics",
      "filed under", "trending", "trending now", "most read", "most popular", "watch",
      "watch now", "listen", "explore more", "further reading", "up next", "next story",
      "previous story", "next article", "previous article", "also on", "share", "follow",
      "follow us", "sponsored", "advertisement", "lesen sie auch", "mehr zum thema", "à lire aussi",
      "a lire aussi", "lire aussi", "leer más", "leer mas", "vea también", "leggi anche"});
  return kLabels.count(label) > 0;
}

int appeal_cues(std::string_view p, int* strong) {
  // Strong cues speak of giving to the outlet; weak cues (subscriptions, prices per month) are
  // just as common in consumer writing ("a subscription box delivers ... per month").
  // Each entry is matched as a whole-word phrase and counted once.
  static constexpr std::string_view kStrong[] = {
      " donate ", " donation", " donating ", " contribution", " contribute ", " chip in ",
      " support us ", " support our ", " support independent ", " your support ",
      " supporting ", " independent journalism ", " independent media ", " free press ",
      " quality journalism ", " reader-funded ", " reader funded ", " funded by readers ",
      " make a difference ", " makes a difference ",
      " every contribution ", " we need your help ",
      " stand with us ", " keep our journalism ", " fund our ",
      " become a member ", " become a supporter ", " thank you for reading ", " patreon "};
  static constexpr std::string_view kWeak[] = {
      " journalism ", " monthly ", " one-time ", " subscribe ", " subscription ", " subscriber",
      " membership ", " paywall ", " readers ", " dear reader",
      " any amount ", " just $", " just €", " just £", " from just ", " as little as ",
      " per month ", " a month ", " help us ", " need your help ", " thank you for ",
      " our reporting ", " our journalists ", " our reporters ", " our newsroom ",
      " our mission ", " our work ", " paypal "};
  int s = 0;
  int n = 0;
  for (std::string_view cue : kStrong) {
    if (contains_phrase(p, cue)) ++s;
  }
  for (std::string_view cue : kWeak) {
    if (contains_phrase(p, cue)) ++n;
  }
  if (strong) *strong = s;
  return s + n;
}

bool is_salutation(std::string_view line) {
  static const Set kSalutations = make_set({
      "dear reader", "dear readers", "dear friends", "dear friend", "dear subscriber",
      "dear subscribers", "dear supporters", "dear supporter", "dear listeners",
      "dear viewers", "dear members", "dear valued reader", "dear valued readers",
      "liebe leserinnen und leser", "liebe leser", "chers lecteurs", "queridos lectores"});
  return kSalutations.count(line) > 0;
}

bool is_appeal_header_lead(std::string_view line) {
  static constexpr std::string_view kLeads[] = {
      "a message from ", "a note from ", "a letter from ", "a word from ", "a request from ",
      "an appeal from ", "a personal appeal from ", "message from the editor",
      "a message to our readers", "a note to our readers", "a note to readers",
      "support independent journalism", "support our journalism", "support quality journalism",
      "become a supporter", "become a member", "before you go", "before you continue",
      "we have a small favour to ask", "we have a small favor to ask"};
  for (std::string_view lead : kLeads) {
    if (line.substr(0, lead.size()) == lead) return true;
  }
  return false;
}

bool is_agency(std::string_view w) {
  static const Set kAgencies = make_set({
      "AFP", "AP", "Reuters", "REUTERS", "DPA", "dpa", "Dpa", "Bloomberg", "ANI", "PTI", "IANS",
      "UNI", "Xinhua", "XINHUA", "EFE", "ANSA", "Kyodo", "Yonhap", "TASS", "Tass", "RIA",
      "Interfax", "Ukrinform", "UNIAN", "PAP", "CTK", "ČTK", "APA", "SDA", "Keystone-SDA", "KNA",
      "epd", "KAP", "Belga", "ANP", "NTB", "TT", "STT", "Ritzau", "Lusa", "AAP", "CP", "NZPA",
      "AA", "Anadolu", "IRNA", "WAFA", "MENA", "SPA", "WAM", "QNA", "KUNA", "BSS", "APP", "NNA",
      "Bernama", "Antara", "PNA", "CNA", "Jiji", "Agerpres", "MTI", "BTA", "HINA", "Tanjug",
      "Sputnik", "UPI", "AFP/Getty", "Agencies", "agencies", "AGENCIES", "Wires", "wires",
      "AP/Reuters", "AFP/Reuters", "Reuters/AP", "Reuters/AFP", "AP/AFP", "AFP/AP"});
  return kAgencies.count(w) > 0;
}

bool is_wire_word(std::string_view w) {
  static const Set kWords = make_set({"Press", "Wire", "Wires", "Agency", "Agencies", "Service",
                                      "Newswire", "Presse", "Agentur", "Agence", "Agencia",
                                      "Agenzia", "Syndicate"});
  return kWords.count(w) > 0;
}

bool is_credit_filler(std::string_view w) {
  static const Set kFiller = make_set({
      "and", "&", "in", "from", "the", "of", "news", "agency", "agencies", "wire", "wires",
      "service", "services", "staff", "correspondents", "correspondent", "bureau", "reports",
      "report", "inputs", "input", "with", "by", "additional", "reporting", "writing",
      "editing", "compiled", "edited", "written", "produced", "contributed", "contributions",
      "to", "this", "story", "article", "report", "de", "van", "von", "der", "da", "al", "bin",
      "el", "la", "le", "du", "di", "del"});
  return kFiller.count(w) > 0;
}

bool is_role_word(std::string_view w) {
  static const Set kRoles = make_set({
      "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
      "writer", "writers", "journalist", "journalists", "columnist", "contributor",
      "contributors", "staff", "bureau", "chief", "photographer", "producer", "analyst",
      "commentator", "intern", "fellow", "freelance", "freelancer", "stringer", "desk",
      "anchor", "host", "presenter"});
  return kRoles.count(w) > 0;
}

bool is_not_name(std::string_view w) {
  static const Set kNotNames = make_set({
      "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
      "my", "your", "we", "they", "he", "she", "it", "i", "you", "all", "some", "any", "no",
      "far", "then", "now", "day", "night", "way", "law", "land", "air", "sea", "car", "train",
      "plane", "hand", "design", "default", "contrast", "comparison", "extension", "virtue",
      "definition", "numbers", "next", "last", "late", "early", "noon", "midnight", "tomorrow",
      "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
      "aug", "sep", "sept", "oct", "nov", "dec", "in", "on", "at", "of", "for", "to", "with",
      "and", "or", "but", "if", "when", "while", "using", "being", "having", "doing", "making",
      "taking", "giving", "getting", "what", "how", "who", "why", "which", "where", "one",
      "two", "three", "four", "five", "ten", "hundreds", "thousands", "millions", "most",
      "more", "less", "mid", "end", "contrast", "chance", "accident", "mistake", "popular",
      "request", "order", "appointment", "invitation", "reservation"});
  return kNotNames.count(w) > 0;
}

bool is_copyright_cue(std::string_view p) {
  // "Copyright" alone is a topic ("AI and copyright"); the notice has a sign, a year or the
  // reservation formula.
  if (p.find("©") != std::string_view::npos || contains_phrase(p, " all rights reserved ")) {
    return true;
  }
  size_t at = p.find(" copyright ");
  if (at == std::string_view::npos) return false;
  std::string_view after = p.substr(at + 11);
  return !after.empty() && (after[0] >= '0' && after[0] <= '9');
}

bool has_reporting_cue(std::string_view p) {
  static constexpr std::string_view kCues[] = {
      " said ", " says ", " say ", " told ", " tells ", " according to ", " reported ",
      " reports ", " announced ", " stated ", " added ", " wrote ", " claimed ", " claims ",
      " warned ", " insisted ", " argued ", " noted ", " denied ", " confirmed ",
      " president ", " minister ", " officials ", " police ", " government "};
  for (std::string_view cue : kCues) {
    if (contains_phrase(p, cue)) return true;
  }
  return false;
}

bool is_dateline_lead(std::string_view w) {
  static const Set kLeads = make_set({"published", "updated", "posted", "last", "modified",
                                       "veröffentlicht", "aktualisiert", "publié", "mis"});
  return kLeads.count(w) > 0;
}

}  // namespace crosscheck::clean::cues
