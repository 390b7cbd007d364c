// How a word is usually written in unlabelled news: a word-type feature for unseen names.
//
// A word that news writers capitalise in the middle of a sentence nearly every time it occurs
// ("Sakakibara", "Charleroi", "Panathinaikos") is a name, whatever case it has in the sentence at
// hand: at the start of a sentence, in an all-caps headline ("JAPAN GET LUCKY WIN") or in a table
// row the tagger cannot see that from the token itself. Counting, for every lower-cased form of
// the unlabelled corpus, its lower-case, capitalised and all-caps uses in running text (not at the
// start of a sentence, not in title-case or all-caps lines) gives a capitalisation ratio; bucketed
// with the word's frequency it is one small code per word (Collins & Singer 1999 use the same
// signal for unseen names; it is what Ratinov & Roth's "is it capitalised elsewhere" feature
// does within a document, here over 20k articles).
//
// Stored in the model (format 3) as the sorted word list with one byte each (~130k words).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::entities {

class WordCasing {
 public:
  static constexpr uint8_t kUnknown = 0xFF;

  // Counts the uses of every lower-cased form in raw texts (one document per string). Forms seen
  // fewer than `min_count` times in running text get no code.
  static WordCasing learn(const std::vector<std::string>& texts, uint32_t min_count = 2);

  // The code of the word whose lower form hashes to `lower_hash` (Lexeme::lower), or kUnknown.
  uint8_t find(uint64_t lower_hash) const;

  // Code layout: ratio bucket (0..6, share of capitalised uses) * 8 + frequency bucket (0..3) * 2
  // + 1 when all-caps uses outnumber the capitalised ones (acronyms).
  static uint32_t ratio(uint8_t code) { return code >> 3; }
  static uint32_t frequency(uint8_t code) { return (code >> 1) & 3; }
  static bool acronym(uint8_t code) { return code & 1; }

  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<uint8_t>& codes() const { return codes_; }

  void add(std::string lower_form, uint8_t code);  // then call finish()
  void finish();

  void serialize(std::string& out) const;
  bool deserialize(std::string_view& in);  // false when malformed; advances `in`

 private:
  std::vector<std::string> words_;  // lower forms
  std::vector<uint8_t> codes_;
  std::vector<uint64_t> keys_;   // open addressing: hash | 1 (0 = empty)
  std::vector<uint8_t> values_;  // code per key slot
};

}  // namespace crosscheck::entities
