// The words quote attribution reads: reporting verbs with their inflections ("say", "says",
// "said", "saying"), the titles that open a name ("Sen.", "President"), speaker pronouns,
// determiners that open a description ("the spokesman"), the adverbs and auxiliaries that may
// stand between a speaker and the verb ("also", "has"), name particles ("de", "van"), and the
// capitalised function words that are never names ("The", "But").
//
// One hash table of lower-case words, built on first use (thread-safe static init); a word may
// carry several meanings at once ("state": a reporting verb and an organisation word), so an entry
// is a set of flags. Titles are matched case-sensitively through their own table: "Sen" is a
// title, "sen" is not.
#pragma once

#include <cstdint>
#include <string_view>

namespace crosscheck::quotes {

// Bits of the flags returned by word_flags().
enum WordFlag : uint32_t {
  kReportingVerb = 1u << 0,  // "said", "tells", "warned", "adding", "according" (with "to")
  kTakesObject = 1u << 1,    // the addressee follows the verb: "told reporters", "asked him"
  kParticiple = 1u << 2,     // "-ing" form: ", saying, ..." takes the clause's subject
  kPronoun = 1u << 3,        // a speaker pronoun: he she they it i we
  kDeterminer = 1u << 4,     // opens a description: the a an his her one another ...
  kBetween = 1u << 5,        // may stand between subject and verb: also has had later then ...
  kParticle = 1u << 6,       // lower-case word inside a name: de van von bin al ...
  kStopCap = 1u << 7,        // capitalised at a sentence start but never a name: the but in ...
  kOrgWord = 1u << 8,        // a name containing it is an organisation: party committee news ...
  kClauseWord = 1u << 9,     // a subject never reaches back over it: and but while when who ...
  kPreposition = 1u << 10,   // ends a description going forward: of for at in with on ...
  kNameSuffix = 1u << 11,    // jr sr ii iii
  kInterview = 1u << 12,     // may follow the verb inside the cue: "in a statement", "on Twitter"
  kTime = 1u << 13,          // a time word that may follow a cue: monday ... sunday, today ...
  kRole = 1u << 14,          // a role noun a person can be given: spokesman senator adviser ...
};

// Flags of a lower-case (case-folded) word; 0 when it is none of the above.
uint32_t word_flags(std::string_view lower);

// The second word of a two-word cue whose first word is `lower` ("pointed" -> "out", "according"
// -> "to", "went" -> "on"); empty when `lower` is not the first word of such a cue.
std::string_view cue_particle(std::string_view lower);

// A title as written before a name, case-sensitive, without its period ("Mr", "Sen", "President",
// "Minister"). Returns the role it gives ("senator", "president"), or empty when not a title.
// `gender` is set to +1 (male), -1 (female) or 0 by titles that tell ("Mr", "Mrs").
std::string_view title_role(std::string_view word, int* gender = nullptr);

// Gender of a speaker pronoun: +1 "he", -1 "she", 0 otherwise.
int pronoun_gender(std::string_view lower);

// Gender usually carried by a common English given name (lower case): +1, -1, or 0 when the
// name is unknown or used for both ("jordan", "taylor").
int first_name_gender(std::string_view lower);

}  // namespace crosscheck::quotes
