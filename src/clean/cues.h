// Cue lexicons for plain-text boilerplate removal (see src/clean/boilerplate.cc for the rules that
// use them). Every lookup takes a *folded* word or phrase: ASCII letters lower-cased, typographic
// apostrophes turned into '\''; non-ASCII letters are left alone. The lists are English-first with a
// few high-frequency markers of other languages; they name generic web furniture, never the text
// of a particular site.
#pragma once

#include <string_view>

namespace crosscheck::clean::cues {

// A whole line that is only an advertisement marker: "advertisement", "sponsored content",
// "story continues below advertisement", "anzeige". `folded_line` is the line's folded words
// joined by single spaces.
bool is_ad_marker(std::string_view folded_line);

// Verbs and labels of page furniture: follow, share, subscribe, sign, donate, read, explore, ask,
// click, tap, download, comments, related, newsletter, remind... A line needs at least one of these
// to be taken for interface text.
bool is_ui_cue(std::string_view folded_word);

// The wider vocabulary interface lines are made of: the cues plus pronouns, articles,
// prepositions and the objects of the calls to action (us, our, this, article, facebook, app,
// later, anything, questions...). A line consisting only of these words is interface text.
bool is_ui_word(std::string_view folded_word);

// Single words that are page buttons wherever they stand ("Follow", "Share", "Subscribe"); other
// cue words alone ("Support", "View") may be headings or list items.
bool is_button_word(std::string_view folded_word);

// Labels that introduce a link to another page ("read more: <headline>", "related: ...",
// "tags: ..."). `folded_label` is the folded text before the ':' or '|'.
bool is_link_label(std::string_view folded_label);

// Donation / subscription appeal vocabulary. Returns how many distinct appeal cues occur in the
// folded paragraph (words joined by single spaces, with a leading and trailing space so phrase
// matching can use word boundaries: " support us "); `strong`, when given, receives how many of
// them are about giving to the outlet (donate, contribution, your support, independent journalism)
// rather than merely about paying (monthly, subscription, per month).
int appeal_cues(std::string_view padded_folded_paragraph, int* strong = nullptr);

// "dear readers", "dear reader", "dear friends", ... (folded, without punctuation).
bool is_salutation(std::string_view folded_line);

// "a message from", "a note from", "a letter from", ... opening an appeal box.
bool is_appeal_header_lead(std::string_view folded_line);

// Wire and news agencies as they appear in credit lines (original case: "AFP", "Reuters", "dpa").
bool is_agency(std::string_view word);

// Last word of an organisation named like a wire service: "Press", "Wire", "Agency", "Service",
// "Newswire", "Agencies" (original case, capitalised).
bool is_wire_word(std::string_view word);

// Words that may appear inside a credit line besides names and agencies: "and", "in", "agencies",
// "staff", "wires"... (folded).
bool is_credit_filler(std::string_view folded_word);

// Job titles that turn "Jane Doe, Staff Reporter" into a byline (folded).
bool is_role_word(std::string_view folded_word);

// Capitalised words that are not names: articles, pronouns, weekdays, months, common sentence
// openers ("The", "Monday", "Far", "Then"). "By The Numbers" is a heading, not a byline.
bool is_not_name(std::string_view folded_word);

// Copyright / outlet signature cues ("copyright", "all rights reserved").
bool is_copyright_cue(std::string_view padded_folded_line);

// Reporting verbs and attribution phrases that mark a news paragraph ("said", "told",
// "according to"). An appeal never expands into a paragraph that reports someone's words.
bool has_reporting_cue(std::string_view padded_folded_paragraph);

// Timestamp / reading-time furniture at the top of a page ("published", "updated", "min read").
bool is_dateline_lead(std::string_view folded_word);

}  // namespace crosscheck::clean::cues
